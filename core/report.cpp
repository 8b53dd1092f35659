// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "report.h"

#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace AddCow
{

void Report::add(Severity severity, const QString &text)
{
    m_lines.append(Line{severity, text, QDateTime::currentDateTimeUtc()});
}

void Report::addFile(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!m_files.contains(absolute))
        m_files.append(absolute);
}

Severity Report::worstSeverity() const
{
    Severity worst = Severity::Info;
    for (const Line &line : m_lines)
        worst = std::max(worst, line.severity);
    return worst;
}

QString Report::toText() const
{
    QString text;
    for (const Line &line : m_lines)
        text += u'[' + severityName(line.severity) + u"] "_s + line.text + u'\n';
    return text;
}

QString Report::toHtml() const
{
    QString html = u"<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\"/>\n"
                   u"<title>AddCow report</title>\n</head>\n<body>\n"
                   u"<table>\n<tr><th>Time (UTC)</th><th>Severity</th><th>Message</th></tr>\n"_s;
    for (const Line &line : m_lines) {
        html += u"<tr class=\""_s + severityName(line.severity) + u"\"><td>"_s
            + line.time.toUTC().toString(Qt::ISODateWithMs).toHtmlEscaped() + u"</td><td>"_s
            + severityName(line.severity).toHtmlEscaped() + u"</td><td>"_s + line.text.toHtmlEscaped()
            + u"</td></tr>\n"_s;
    }
    html += u"</table>\n"_s;
    if (!m_files.isEmpty()) {
        html += u"<h2>Files</h2>\n<ul>\n"_s;
        for (const QString &file : m_files)
            html += u"<li>"_s + file.toHtmlEscaped() + u"</li>\n"_s;
        html += u"</ul>\n"_s;
    }
    html += u"</body>\n</html>\n"_s;
    return html;
}

} // namespace AddCow
