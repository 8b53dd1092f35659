// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace AddCow
{

/**
 * Options and help of one addcow subcommand. Parses with QCommandLineParser and writes the
 * help text itself so that it reads "Usage: addcow info [--output=FMT] FILE" (the man page is
 * generated from it).
 */
class SubcommandParser
{
public:
    /**
     * @param name the subcommand, e.g. "info"
     * @param synopsis what follows "addcow NAME" in the usage line
     * @param description one or more paragraphs, separated by "\n\n"
     */
    SubcommandParser(QString name, QString synopsis, QString description);

    void addOption(const QCommandLineOption &option);
    /** A positional argument for the help text; count is checked by parse(). */
    void addArgument(const QString &name, const QString &description);
    /** The FILE argument: "The .add-cow file." */
    void addImageFileArgument();
    /** --output=human|json (human by default); parse() refuses any other value. */
    void addHumanJsonOutputOption();
    /** -p: show progress on standard error; see showProgress(). */
    void addProgressOption();
    /** Extra paragraphs after the options, e.g. exit status. */
    void addNotes(const QString &title, const QString &text);
    /** The exit code for usage errors (1 by default; compare uses 2). */
    void setUsageExitCode(int exitCode) { m_usageExitCode = exitCode; }

    /**
     * Parses arguments (without "addcow" and the subcommand name). Prints help on -h/--help and
     * usage errors (wrong number of arguments, unknown options) on stderr.
     * @return nullopt to go on, else the exit code to return now
     */
    std::optional<int> parse(const QStringList &arguments);

    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    /** Whether -p was given (addProgressOption()). */
    bool showProgress() const;

    /** Prints "addcow: NAME: TEXT" and the --help hint on stderr. @return the usage exit code */
    int usageError(const QString &text) const;
    /**
     * Parses a size/offset argument with SizeParser, printing the error on failure.
     * @param what names the argument in the error, e.g. "OFFSET"
     */
    std::optional<quint64> sizeArgument(const QString &text, const QString &what) const;
    /** The same for an offset or a length on the virtual disk, which may also be hexadecimal ("0x1f000", as in qemu-io). */
    std::optional<quint64> offsetArgument(const QString &text, const QString &what) const;

    QString helpText() const;
    QString name() const { return m_name; }

private:
    QString m_name;
    QString m_synopsis;
    QString m_description;
    QList<QCommandLineOption> m_options;
    QList<QPair<QString, QString>> m_arguments;
    QList<QPair<QString, QString>> m_notes;
    QCommandLineParser m_parser;
    int m_usageExitCode = 1;
    bool m_humanJsonOutput = false;
};

} // namespace AddCow
