// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "whatisaddcowdialog.h"

#include "whatisaddcowdiagram.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

WhatIsAddCowDialog::WhatIsAddCowDialog(QWidget *parent)
    : QDialog(parent)
    , m_diagram(new WhatIsAddCowDiagram(this))
    , m_intro(new QLabel(this))
    , m_details(new QLabel(this))
{
    setObjectName(u"whatIsAddCowDialog"_s);
    setWindowTitle(tr("What is add-cow?"));

    m_intro->setObjectName(u"whatIsAddCowIntro"_s);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::RichText);
    m_intro->setText(u"<p>%1</p><p>%2</p>"_s.arg(
        tr("An add-cow image is a disk made of three files. The <b>backing file</b> holds the original disk and is "
           "only read. The <b>image file</b> is a plain raw file of the full disk size that receives every write. "
           "The small <b>.add-cow file</b> holds a header naming the other two and a bitmap with one bit per "
           "64 KiB cluster."),
        tr("A bit set to 1 means the cluster is read from the image file; 0 means it still comes from the "
           "backing file, or is zero past its end.")));

    m_details->setObjectName(u"whatIsAddCowDetails"_s);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setText(u"<p>%1</p><p>%2</p>"_s.arg(
        tr("Writing to a cluster whose bit is 0 first copies the rest of that cluster from the backing file into "
           "the image file, then sets the bit, so a crash never leaves a half-copied cluster."),
        tr("<b>Commit</b> copies every remaining cluster into the image file. Afterwards the raw image file alone "
           "is the whole disk, and any tool can use it without the backing file.")));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_diagram);
    layout->addWidget(m_details);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

} // namespace AddCow
