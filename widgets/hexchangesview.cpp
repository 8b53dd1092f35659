// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "hexchangesview.h"

#include "hexchangesmodel.h"
#include "rowlistview.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{
QToolButton *toolButton(const QString &text, const QString &toolTip, const QString &iconName)
{
    auto *button = new QToolButton;
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAccessibleName(text);
    button->setIcon(QIcon::fromTheme(iconName));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}
} // namespace

HexChangesView::HexChangesView(HexChangesModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_summary(new QLabel)
    , m_progress(new QProgressBar)
    , m_stopButton(toolButton(tr("Stop"), tr("Stop scanning for changes"), u"process-stop"_s))
    , m_previousButton(toolButton(tr("Previous"), tr("Go to the previous change before the cursor"), u"go-up"_s))
    , m_nextButton(toolButton(tr("Next"), tr("Go to the next change after the cursor"), u"go-down"_s))
    , m_showUnchanged(new QCheckBox(tr("Show allocated, unchanged")))
    , m_list(new RowListView)
{
    setObjectName(u"hexChangesView"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 1000);
    m_progress->setAccessibleName(tr("Change scan progress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(m_summary->fontMetrics().height() / 2 + 4);
    m_showUnchanged->setToolTip(tr("Also list clusters that were written with the bytes they already had"));
    // Not a QTreeView: it keeps an item per row, 1.3 GiB for the 33.5 M runs of a fragmented 4 TiB
    // image; nor a proxy, which keeps a mapping per row (issue 11).
    m_list->setModel(m_model);
    m_list->setStretchColumn(HexChangesModel::KindColumn);
    m_list->setAccessibleName(tr("Changes"));
    // The header and two rows at least, not the scroll bars' 70 pixels (issue 13: a 600 pixel high window).
    m_list->setMinimumHeight(m_list->fontMetrics().lineSpacing() * 3);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_previousButton);
    buttons->addWidget(m_nextButton);
    buttons->addStretch(1);
    buttons->addWidget(m_stopButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addLayout(buttons);
    layout->addWidget(m_showUnchanged);
    layout->addWidget(m_list, 1);

    connect(m_model, &HexChangesModel::stateChanged, this, &HexChangesView::updateState);
    connect(m_model, &HexChangesModel::progressChanged, m_progress, &QProgressBar::setValue);
    connect(m_stopButton, &QToolButton::clicked, this, [this] {
        if (m_model->isStopped())
            m_model->resume();
        else
            m_model->stop();
    });
    connect(m_previousButton, &QToolButton::clicked, this, &HexChangesView::previousRequested);
    connect(m_nextButton, &QToolButton::clicked, this, &HexChangesView::nextRequested);
    connect(m_showUnchanged, &QCheckBox::toggled, this, &HexChangesView::setShowUnchanged);
    connect(m_list, &RowListView::activated, this, [this](int row) {
        Q_EMIT runActivated(m_model->run(row));
    });
    updateState();
}

void HexChangesView::setShowUnchanged(bool show)
{
    m_model->setShowUnchanged(show);
    m_showUnchanged->setChecked(show);
}

bool HexChangesView::showsUnchanged() const
{
    return m_model->showsUnchanged();
}

void HexChangesView::selectRow(int modelRow)
{
    m_list->setCurrentRow(modelRow); // -1 or past the end: none
}

QString HexChangesView::summaryText() const
{
    if (!m_model->image())
        return tr("No image.");
    if (m_model->basis() == ChangeScan::Basis::None)
        return tr("Committed: the raw image file is the whole disk and the backing file is not read (ALL_ALLOCATED), "
                  "so there is nothing to compare with.");
    if (m_model->basis() == ChangeScan::Basis::Unreadable)
        return tr("The backing file cannot be read, so written clusters cannot be compared with what they replaced. "
                  "Locate the backing file to see the changes.");
    const ChangeList &list = m_model->changes();
    const QLocale locale;
    QString text = tr("%n change(s)", nullptr, int(std::min<quint64>(list.changedRunCount(), INT_MAX)))
        + u' ' + tr("in %n cluster(s)", nullptr, int(std::min<quint64>(list.changedClusterCount(), INT_MAX)));
    if (list.unchangedRunCount() > 0)
        text += u"; "_s + tr("%n cluster(s) allocated, unchanged", nullptr, int(std::min<quint64>(list.unchangedClusterCount(), INT_MAX)));
    if (m_model->basis() == ChangeScan::Basis::Zeros)
        text += u"\n"_s + tr("No backing file: written clusters are compared with zeros.");
    if (const auto &error = m_model->error())
        text += u"\n"_s + tr("The scan failed: %1").arg(error->message());
    else if (m_model->isStopped())
        text += u"\n"_s + tr("Stopped: part of the disk is not scanned yet.");
    else if (m_model->isScanning())
        text += u"\n"_s + tr("Scanning…");
    return text;
}

void HexChangesView::updateState()
{
    m_summary->setText(summaryText());
    const bool scanning = m_model->isScanning();
    const bool stopped = m_model->isStopped();
    m_progress->setVisible(scanning);
    if (!scanning)
        m_progress->setValue(0);
    m_stopButton->setVisible(scanning || stopped);
    m_stopButton->setText(stopped ? tr("Resume") : tr("Stop"));
    m_stopButton->setToolTip(stopped ? tr("Scan the rest of the disk for changes") : tr("Stop scanning for changes"));
    m_stopButton->setIcon(QIcon::fromTheme(stopped ? u"media-playback-start"_s : u"process-stop"_s));
    const bool any = m_model->changes().changedRunCount() > 0;
    m_previousButton->setEnabled(any);
    m_nextButton->setEnabled(any);
}

} // namespace AddCow
