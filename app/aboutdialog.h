// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QLabel;

namespace AddCow
{

/**
 * Help > About AddCow Studio: the icon, the version the build was made as (addcow_version.h),
 * what the program does, the Qt versions, the licence and where to report bugs.
 */
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /** The version shown, ADDCOW_VERSION_STRING from the build. */
    static QString versionString();

private:
    QLabel *m_title;
    QLabel *m_description;
    QLabel *m_details;
};

} // namespace AddCow
