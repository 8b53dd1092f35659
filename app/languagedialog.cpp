// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "languagedialog.h"

#include "mainwindow.h"
#include "translationloader.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{
/** A language in its own name, so whoever reads it can find it. */
QString nativeName(const QString &code)
{
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (code.contains(u'_'))
        name += u" ("_s + locale.nativeTerritoryName() + u')';
    return name;
}
}

LanguageDialog::LanguageDialog(QWidget *parent)
    : QDialog(parent)
    , m_languages(new QComboBox(this))
{
    setObjectName(u"languageDialog"_s);
    setWindowTitle(tr("Switch Application Language"));

    m_languages->setObjectName(u"languageCombo"_s);
    m_languages->addItem(tr("System language (%1)").arg(nativeName(QLocale::system().name())), QString());
    m_languages->addItem(u"English"_s, u"en"_s);
    for (const QString &code : TranslationLoader::availableLanguages())
        m_languages->addItem(nativeName(code), code);
    selectLanguage(storedLanguage());

    auto *note = new QLabel(tr("The new language is used from the next start of AddCow Studio."), this);
    note->setWordWrap(true);

    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("&Language:"), this);
    label->setBuddy(m_languages);
    form->addRow(label, m_languages);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QString LanguageDialog::selectedLanguage() const
{
    return m_languages->currentData().toString();
}

void LanguageDialog::selectLanguage(const QString &code)
{
    const int index = m_languages->findData(code);
    if (index >= 0)
        m_languages->setCurrentIndex(index);
}

QString LanguageDialog::storedLanguage()
{
    return MainWindow::settings()->value(TranslationLoader::settingsKey()).toString();
}

void LanguageDialog::accept()
{
    const QString code = selectedLanguage();
    {
        auto settings = MainWindow::settings();
        TranslationLoader::storeLanguage(*settings, code);
    }
    Q_EMIT languageChosen(code);
    QDialog::accept();
}

} // namespace AddCow
