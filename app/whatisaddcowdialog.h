// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QLabel;

namespace AddCow
{

class WhatIsAddCowDiagram;

/**
 * Help > What is add-cow? (F1): the format in a few paragraphs and a diagram of a backing
 * file, a raw image file and the bitmap that picks between them, cluster by cluster.
 */
class WhatIsAddCowDialog : public QDialog
{
    Q_OBJECT

public:
    explicit WhatIsAddCowDialog(QWidget *parent = nullptr);

    WhatIsAddCowDiagram *diagram() const { return m_diagram; }

private:
    WhatIsAddCowDiagram *m_diagram;
    QLabel *m_intro;
    QLabel *m_details;
};

} // namespace AddCow
