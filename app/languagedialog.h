// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QComboBox;

namespace AddCow
{

/**
 * Help > Switch Application Language: the system's language, English, or any language there
 * is an embedded translation for. OK stores the choice (TranslationLoader::storeLanguage); it is
 * used from the next start on, and `--lang` still overrides it for one run.
 */
class LanguageDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LanguageDialog(QWidget *parent = nullptr);

    /** The code shown as chosen ("" for the system's language). */
    QString selectedLanguage() const;
    /** Shows code as chosen, if it is in the list. */
    void selectLanguage(const QString &code);
    /** The code stored as the user's choice; empty for the system's language. */
    static QString storedLanguage();

    void accept() override;

Q_SIGNALS:
    /** OK stored code ("" for the system's language). */
    void languageChosen(const QString &code);

private:
    QComboBox *m_languages;
};

} // namespace AddCow
