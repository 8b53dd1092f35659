// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace AddCow
{

/** Go to a cluster index or a virtual disk byte offset (Ctrl+G), checked against the image's size. */
class GoToDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Target { Cluster, Offset };

    GoToDialog(quint64 clusterCount, quint64 virtualSizeBytes, QWidget *parent = nullptr);

    Target target() const;
    void setTarget(Target target);
    void setText(const QString &text);

    /** The cluster index or byte offset typed, when it is inside the image. */
    std::optional<quint64> value() const;
    /** The cluster to show: value() itself, or the cluster holding the offset. */
    quint64 clusterIndex() const;
    /** The byte offset to show: value() itself, or the first byte of the cluster. */
    quint64 offsetBytes() const;

    /** Parses "123", "0x7b" or a size such as "64K" / "1.5G" (binary suffixes). */
    static std::optional<quint64> parseNumber(const QString &text);

private:
    void validate();

    quint64 m_clusterCount;
    quint64 m_virtualSizeBytes;
    QRadioButton *m_clusterButton;
    QRadioButton *m_offsetButton;
    QLineEdit *m_edit;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

} // namespace AddCow
