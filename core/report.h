// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "finding.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace AddCow
{

/** What a job did, line by line, with the files it touched (in the spirit of kpmcore's Report). */
class ADDCOWCORE_EXPORT Report
{
public:
    struct Line {
        Severity severity = Severity::Info;
        QString text;
        QDateTime time;
    };

    void add(Severity severity, const QString &text);
    void info(const QString &text) { add(Severity::Info, text); }
    void warning(const QString &text) { add(Severity::Warning, text); }
    void error(const QString &text) { add(Severity::Error, text); }
    /** Remembers a file the job read or wrote (absolute path, once each). */
    void addFile(const QString &path);

    const QList<Line> &lines() const { return m_lines; }
    const QStringList &files() const { return m_files; }
    Severity worstSeverity() const;

    QString toText() const;
    QString toHtml() const;

private:
    QList<Line> m_lines;
    QStringList m_files;
};

} // namespace AddCow
