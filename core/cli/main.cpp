// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later

// addcow: inspect, create, change and commit add-cow images from the command line,
// with the core library alone (no QtGui).

#include "addcow_version.h"
#include "commands.h"
#include "console.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace AddCow;

namespace
{

struct Command {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments);
};

const Command commands[] = {
    {"info", "Show the header, file names, sizes and allocation of an image", Commands::info},
    {"check", "Check an image against the format rules (header, names, files, bitmap)", Commands::check},
    {"map", "Show where each range of the virtual disk is read from", Commands::map},
    {"read", "Copy bytes of the virtual disk to standard output", Commands::read},
    {"write", "Write standard input into the virtual disk (copy-on-write)", Commands::write},
    {"create", "Create an add-cow image over a raw image file and a backing file", Commands::create},
    {"commit", "Copy every clean cluster into the image file, making it standalone", Commands::commit},
    {"verify", "Check an image and read its whole virtual disk, with a SHA-256", Commands::verify},
    {"compare", "Compare the virtual disk of an image with another image or raw file", Commands::compare},
    {"rebase", "Change the stored backing file name (unsafe mode, -u)", Commands::rebase},
    {"serve", "Serve the virtual disk over NBD (nbdkit) to a virtual machine", Commands::serve},
};

QString toolHelp()
{
    QString text = u"Usage: addcow COMMAND [OPTIONS] ARGUMENTS...\n"
                   "       addcow --help | --version\n"
                   "\n"
                   "Inspect, create, change and commit add-cow disk images. An add-cow image is a\n"
                   "small .add-cow file (a header and a bitmap of 64 KiB clusters) that stacks a raw\n"
                   "image file over a read-only backing file: clusters whose bit is set are read\n"
                   "from the image file, the others from the backing file.\n"
                   "\n"
                   "Commands:\n"_s;
    for (const Command &command : commands)
        text += u"  %1%2\n"_s.arg(QString::fromLatin1(command.name).leftJustified(10), QLatin1StringView(command.summary));
    text += u"\n"
            "Options:\n"
            "  -h, --help      Show this help and exit.\n"
            "  -V, --version   Show the version and exit.\n"
            "\n"
            "Sizes and offsets:\n"
            "  OFFSET, LENGTH and SIZE are bytes, or a number with a binary suffix K, M, G,\n"
            "  T, P or E (1K = 1024 bytes); fractions are allowed when the result is a whole\n"
            "  number of bytes: 4096, 64K, 1.5G, 8T.\n"
            "\n"
            "File names:\n"
            "  The names of the image file and the backing file are stored as given. A\n"
            "  relative name is taken relative to the directory that holds the .add-cow\n"
            "  file, never the current directory (FORMAT-DECISIONS R16).\n"
            "\n"
            "Exit status:\n"
            "  0 on success, 1 on failure; check and verify return 2 when the image is\n"
            "  corrupt and 3 when it has only warnings; compare returns 1 when the disks\n"
            "  differ and 2 on error; 130 when a job was interrupted with Ctrl-C.\n"
            "\n"
            "Run 'addcow COMMAND --help' for the arguments and options of a command.\n"_s;
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"addcow"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(ADDCOW_VERSION_STRING));

    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty()) {
        Console::error(u"no command given"_s);
        Console::err(u"Try 'addcow --help' for more information.\n"_s);
        return Console::Failure;
    }
    QString name = arguments.takeFirst();
    if (name == u"help" && !arguments.isEmpty()) {
        // "addcow help COMMAND" is "addcow COMMAND --help".
        name = arguments.takeFirst();
        arguments = QStringList{u"--help"_s};
    } else if (name == u"-h" || name == u"--help" || name == u"help") {
        Console::out(toolHelp());
        return Console::flushOut() ? Console::Success : Console::Failure;
    }
    if (name == u"-V" || name == u"--version") {
        Console::out(u"addcow %1\n"_s.arg(QCoreApplication::applicationVersion()));
        return Console::flushOut() ? Console::Success : Console::Failure;
    }
    for (const Command &command : commands) {
        if (name == QLatin1StringView(command.name))
            return command.run(arguments);
    }
    Console::error(u"unknown command '%1'"_s.arg(name));
    Console::err(u"Try 'addcow --help' for the list of commands.\n"_s);
    return Console::Failure;
}
