// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "gotodialog.h"

#include "format.h"
#include "sizeparser.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace AddCow
{

GoToDialog::GoToDialog(quint64 clusterCount, quint64 virtualSizeBytes, QWidget *parent)
    : QDialog(parent)
    , m_clusterCount(clusterCount)
    , m_virtualSizeBytes(virtualSizeBytes)
    , m_clusterButton(new QRadioButton(tr("&Cluster"), this))
    , m_offsetButton(new QRadioButton(tr("&Offset in the virtual disk"), this))
    , m_edit(new QLineEdit(this))
    , m_hint(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("goToDialog"));
    setWindowTitle(tr("Go To"));
    m_edit->setObjectName(QStringLiteral("goToEdit"));
    m_edit->setPlaceholderText(tr("123, 0x7b or 64K"));
    m_edit->setClearButtonEnabled(true);
    m_hint->setObjectName(QStringLiteral("goToHint"));
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_clusterButton->setChecked(true);

    auto *targets = new QHBoxLayout;
    targets->addWidget(m_clusterButton);
    targets->addWidget(m_offsetButton);
    targets->addStretch(1);
    auto *form = new QFormLayout;
    form->addRow(tr("Go to:"), targets);
    form->addRow(tr("&Position:"), m_edit);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, this, &GoToDialog::validate);
    connect(m_clusterButton, &QRadioButton::toggled, this, &GoToDialog::validate);
    m_edit->setFocus();
    validate();
}

GoToDialog::Target GoToDialog::target() const
{
    return m_clusterButton->isChecked() ? Target::Cluster : Target::Offset;
}

void GoToDialog::setTarget(Target target)
{
    (target == Target::Cluster ? m_clusterButton : m_offsetButton)->setChecked(true);
    validate();
}

void GoToDialog::setText(const QString &text)
{
    m_edit->setText(text);
}

std::optional<quint64> GoToDialog::value() const
{
    const std::optional<quint64> number = parseNumber(m_edit->text());
    if (!number)
        return std::nullopt;
    const quint64 limit = target() == Target::Cluster ? m_clusterCount : m_virtualSizeBytes;
    if (*number >= limit)
        return std::nullopt; // R15: nothing exists past the end of the virtual disk
    return number;
}

quint64 GoToDialog::clusterIndex() const
{
    const quint64 v = value().value_or(0);
    return target() == Target::Cluster ? v : v / ClusterSizeBytes;
}

quint64 GoToDialog::offsetBytes() const
{
    const quint64 v = value().value_or(0);
    return target() == Target::Cluster ? v * ClusterSizeBytes : v;
}

std::optional<quint64> GoToDialog::parseNumber(const QString &text)
{
    // The parser `addcow read` and `write` use: "123", "0x7b", "64K".
    const Result<quint64> parsed = SizeParser::parseOffset(text);
    return parsed.ok() ? std::optional<quint64>(parsed.value()) : std::nullopt;
}

void GoToDialog::validate()
{
    const QLocale locale;
    const bool cluster = target() == Target::Cluster;
    const quint64 limit = cluster ? m_clusterCount : m_virtualSizeBytes;
    const QString range = cluster ? tr("Clusters 0 to %1.").arg(locale.toString(qulonglong(limit ? limit - 1 : 0)))
                                  : tr("Bytes 0 to %1.").arg(locale.toString(qulonglong(limit ? limit - 1 : 0)));
    QString hint = range;
    if (!m_edit->text().trimmed().isEmpty()) {
        const std::optional<quint64> number = parseNumber(m_edit->text());
        if (!number)
            hint = tr("Not a number: type 123, 0x7b or a size such as 64K.") + QLatin1Char(' ') + range;
        else if (*number >= limit)
            hint = tr("Past the end of the disk.") + QLatin1Char(' ') + range;
        else if (!cluster)
            hint = tr("Cluster %1.").arg(locale.toString(qulonglong(*number / ClusterSizeBytes)));
    }
    m_hint->setText(hint);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(value().has_value());
}

} // namespace AddCow
