// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "subcommandparser.h"

#include "console.h"
#include "sizeparser.h"

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{

constexpr qsizetype HelpColumn = 26;
constexpr qsizetype HelpWidth = 79;

// Wraps text to the help width, indenting every line by indent (the first too, unless told).
QString wrapped(const QString &text, qsizetype indent, qsizetype firstLineUsed = -1)
{
    QString result;
    qsizetype used = firstLineUsed >= 0 ? firstLineUsed : indent;
    if (firstLineUsed < 0)
        result += QString(indent, u' ');
    bool lineEmpty = true;
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!lineEmpty && used + 1 + word.size() > HelpWidth) {
            result += u'\n' + QString(indent, u' ');
            used = indent;
            lineEmpty = true;
        }
        if (!lineEmpty) {
            result += u' ';
            ++used;
        }
        result += word;
        used += word.size();
        lineEmpty = false;
    }
    return result;
}

QString paragraphs(const QString &text, qsizetype indent)
{
    QStringList out;
    const QStringList parts = text.split(u"\n\n"_s);
    for (const QString &part : parts) {
        // Lines starting with spaces are examples: keep them as they are.
        if (part.startsWith(u"  "_s))
            out << part;
        else
            out << wrapped(part, indent);
    }
    return out.join(u"\n\n"_s);
}

} // namespace

SubcommandParser::SubcommandParser(QString name, QString synopsis, QString description)
    : m_name(std::move(name))
    , m_synopsis(std::move(synopsis))
    , m_description(std::move(description))
{
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    addOption(QCommandLineOption({u"h"_s, u"help"_s}, u"Show this help and exit."_s));
}

void SubcommandParser::addOption(const QCommandLineOption &option)
{
    m_options.append(option);
    m_parser.addOption(option);
}

void SubcommandParser::addArgument(const QString &name, const QString &description)
{
    m_arguments.append({name, description});
}

void SubcommandParser::addNotes(const QString &title, const QString &text)
{
    m_notes.append({title, text});
}

void SubcommandParser::addImageFileArgument()
{
    addArgument(u"FILE"_s, u"The .add-cow file."_s);
}

void SubcommandParser::addHumanJsonOutputOption()
{
    addOption(QCommandLineOption(u"output"_s, u"Output format: human (the default) or json."_s, u"FMT"_s, u"human"_s));
    m_humanJsonOutput = true;
}

void SubcommandParser::addProgressOption()
{
    addOption(QCommandLineOption(u"p"_s, u"Show progress on standard error."_s));
}

bool SubcommandParser::showProgress() const
{
    return m_parser.isSet(u"p"_s);
}

std::optional<int> SubcommandParser::parse(const QStringList &arguments)
{
    if (!m_parser.parse(QStringList{u"addcow"_s} + arguments))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(u"help"_s)) {
        Console::out(helpText());
        return Console::flushOut() ? Console::Success : Console::Failure;
    }
    const qsizetype given = m_parser.positionalArguments().size();
    if (given < m_arguments.size())
        return usageError(u"missing %1"_s.arg(m_arguments.at(given).first));
    if (given > m_arguments.size())
        return usageError(u"unexpected argument '%1'"_s.arg(m_parser.positionalArguments().at(m_arguments.size())));
    if (m_humanJsonOutput) {
        const QString output = m_parser.value(u"output"_s);
        if (output != u"human" && output != u"json")
            return usageError(u"unknown output format '%1' (use human or json)"_s.arg(output));
    }
    return std::nullopt;
}

int SubcommandParser::usageError(const QString &text) const
{
    Console::error(u"%1: %2"_s.arg(m_name, text));
    Console::err(u"Try 'addcow %1 --help' for more information.\n"_s.arg(m_name));
    return m_usageExitCode;
}

std::optional<quint64> SubcommandParser::sizeArgument(const QString &text, const QString &what) const
{
    const Result<quint64> size = SizeParser::parse(text);
    if (!size) {
        usageError(u"%1: %2"_s.arg(what, size.error().detail));
        return std::nullopt;
    }
    return size.value();
}

std::optional<quint64> SubcommandParser::offsetArgument(const QString &text, const QString &what) const
{
    const Result<quint64> offset = SizeParser::parseOffset(text);
    if (!offset) {
        usageError(u"%1: %2"_s.arg(what, offset.error().detail));
        return std::nullopt;
    }
    return offset.value();
}

QString SubcommandParser::helpText() const
{
    QString text = u"Usage: addcow %1 %2\n\n"_s.arg(m_name, m_synopsis);
    text += paragraphs(m_description, 0) + u"\n"_s;

    if (!m_arguments.isEmpty()) {
        text += u"\nArguments:\n"_s;
        for (const auto &[name, description] : m_arguments) {
            QString head = u"  "_s + name;
            if (head.size() + 2 > HelpColumn)
                text += head + u'\n' + wrapped(description, HelpColumn) + u'\n';
            else
                text += head.leftJustified(HelpColumn) + wrapped(description, HelpColumn, HelpColumn) + u'\n';
        }
    }

    text += u"\nOptions:\n"_s;
    for (const QCommandLineOption &option : m_options) {
        QStringList names;
        for (const QString &name : option.names())
            names << (name.size() == 1 ? u"-"_s + name : u"--"_s + name);
        QString head = u"  "_s + names.join(u", "_s);
        if (!option.valueName().isEmpty())
            head += (option.names().constLast().size() == 1 ? u" "_s : u"="_s) + option.valueName();
        if (head.size() + 2 > HelpColumn)
            text += head + u'\n' + wrapped(option.description(), HelpColumn) + u'\n';
        else
            text += head.leftJustified(HelpColumn) + wrapped(option.description(), HelpColumn, HelpColumn) + u'\n';
    }

    for (const auto &[title, notes] : m_notes)
        text += u'\n' + title + u":\n"_s + paragraphs(notes, 2) + u'\n';
    return text;
}

} // namespace AddCow
