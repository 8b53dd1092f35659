// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "aboutdialog.h"

#include "addcow_version.h"
#include "appicons.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>
#include <QtGlobal>

using namespace Qt::StringLiterals;

namespace AddCow
{

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_title(new QLabel(this))
    , m_description(new QLabel(this))
    , m_details(new QLabel(this))
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About AddCow Studio"));

    auto *icon = new QLabel(this);
    icon->setObjectName(u"aboutIcon"_s);
    const int iconSize = style()->pixelMetric(QStyle::PM_LargeIconSize) * 2;
    icon->setPixmap(AppIcons::application().pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    icon->setAccessibleName(tr("AddCow Studio icon"));

    // Text only in the palette's own colours, so light and dark themes both read well.
    m_title->setObjectName(u"aboutTitle"_s);
    m_title->setTextFormat(Qt::RichText);
    m_title->setText(u"<h2>%1</h2>"_s.arg(tr("AddCow Studio %1").arg(versionString()).toHtmlEscaped()));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_description->setObjectName(u"aboutDescription"_s);
    m_description->setWordWrap(true);
    m_description->setText(tr("Inspect, check and edit add-cow disk images: the header with every rule it breaks, "
                              "the copy-on-write bitmap as a map, and the backing file, the image file and the "
                              "virtual disk side by side. The addcow command-line tool does the same without a window."));

    m_details->setObjectName(u"aboutDetails"_s);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setOpenExternalLinks(true);
    m_details->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_details->setText(u"<p>%1</p><p>%2</p>"_s.arg(
        tr("Built with Qt %1, running on Qt %2.").arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())).toHtmlEscaped(),
        tr("License: GNU General Public License, version 2 or later (GPL-2.0-or-later).").toHtmlEscaped()));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(m_title);
    text->addWidget(m_description);
    text->addWidget(m_details);
    text->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

QString AboutDialog::versionString()
{
    return QStringLiteral(ADDCOW_VERSION_STRING);
}

} // namespace AddCow
