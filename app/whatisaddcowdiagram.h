// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QWidget>

namespace AddCow
{

/**
 * The picture on the "What is add-cow?" page: eight clusters of a backing file, of the raw image
 * file and of the bitmap, and the virtual disk each bit selects from (R13). Painted in palette
 * colours plus the heatmap's source colours, so it follows light and dark themes.
 */
class WhatIsAddCowDiagram : public QWidget
{
    Q_OBJECT

public:
    explicit WhatIsAddCowDiagram(QWidget *parent = nullptr);

    /** The bits shown, cluster 0 first: true reads the image file, false the backing file. */
    QList<bool> bits() const { return m_bits; }
    /** The row labels, top to bottom (translated). */
    QStringList rowLabels() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateAccessibleText();

    QList<bool> m_bits;
};

} // namespace AddCow
