// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLabel>

namespace AddCow
{

/**
 * Why a page or dialog refuses to go on, in plain words and in an error red that reads on light
 * and dark palettes. The rule behind it (R17 ...) is in the tooltip with its text, not in the
 * sentence. It keeps room for two lines, so the fields above and below do not jump as problems
 * come and go while the user types.
 */
class ProblemLabel : public QLabel
{
    Q_OBJECT

public:
    explicit ProblemLabel(QWidget *parent = nullptr);

    /**
     * Shows text (empty: no problem); rule is the FORMAT-DECISIONS rule behind it, 0 for none;
     * details (the full error, with paths) go to the tooltip too.
     */
    void setProblem(const QString &text, int rule = 0, const QString &details = QString());
    int rule() const { return m_rule; }

private:
    int m_rule = 0;
};

} // namespace AddCow
