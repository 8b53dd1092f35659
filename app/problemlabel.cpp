// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "problemlabel.h"

#include "ruletext.h"

using namespace Qt::StringLiterals;

namespace AddCow
{

ProblemLabel::ProblemLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setStyleSheet(u"color: #c01c28;"_s); // an error red that reads on light and dark themes
    setMinimumHeight(2 * fontMetrics().lineSpacing());
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
}

void ProblemLabel::setProblem(const QString &text, int rule, const QString &details)
{
    m_rule = text.isEmpty() ? 0 : rule;
    setText(text);
    QStringList tip;
    if (!text.isEmpty() && !details.isEmpty())
        tip.append(details);
    if (m_rule > 0)
        tip.append(tr("Rule R%1: %2").arg(m_rule).arg(ruleText(m_rule)));
    setToolTip(tip.join(u"\n\n"_s));
}

} // namespace AddCow
