// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "translationloader.h"

#include "addcowapp_debug.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace AddCow
{

namespace
{
const QString TranslationsDir = u":/i18n"_s;
const QString TranslationPrefix = u"addcow-studio_"_s;

bool isEnglish(const QString &code, const QLocale &locale)
{
    // QLocale turns unknown codes into C too; those are not English, they are missing.
    return code == u"C"_s || locale.language() == QLocale::English;
}
}

TranslationLoader::TranslationLoader(QObject *parent)
    : QObject(parent)
    , m_appTranslator(new QTranslator(this))
    , m_qtTranslator(new QTranslator(this))
{
}

TranslationLoader::~TranslationLoader()
{
    unload();
}

QString TranslationLoader::settingsKey()
{
    return u"language"_s;
}

QString TranslationLoader::languageFromArguments(const QStringList &arguments)
{
    // Read before QCommandLineParser runs: the parser's own texts are translated too.
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--"_s)
            break;
        if (argument == u"--lang"_s && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (argument.startsWith(u"--lang="_s))
            return argument.mid(7);
    }
    return {};
}

QString TranslationLoader::chooseLanguage(const QString &override, const QSettings &settings)
{
    if (!override.isEmpty())
        return override;
    const QString stored = settings.value(settingsKey()).toString();
    if (!stored.isEmpty())
        return stored;
    return QLocale::system().name();
}

void TranslationLoader::storeLanguage(QSettings &settings, const QString &code)
{
    if (code.isEmpty())
        settings.remove(settingsKey());
    else
        settings.setValue(settingsKey(), code);
}

QStringList TranslationLoader::availableLanguages()
{
    QStringList languages;
    const QStringList files = QDir(TranslationsDir).entryList({TranslationPrefix + u"*.qm"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        languages.append(file.mid(TranslationPrefix.size()).chopped(3));
    return languages;
}

bool TranslationLoader::load(const QString &code)
{
    unload();
    m_language = code;
    const QLocale locale(code);
    QLocale::setDefault(locale);
    if (isEnglish(code, locale))
        return true;

    // QTranslator tries "de_AT", then "de", and so on for each of the locale's UI languages.
    m_appLoaded = m_appTranslator->load(locale, u"addcow-studio"_s, u"_"_s, TranslationsDir);
    if (m_appLoaded)
        QCoreApplication::installTranslator(m_appTranslator);
    else
        qCDebug(ADDCOW_APP) << "no AddCow Studio translation for" << code;

    m_qtLoaded = m_qtTranslator->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (m_qtLoaded)
        QCoreApplication::installTranslator(m_qtTranslator);
    return m_appLoaded;
}

void TranslationLoader::unload()
{
    if (m_appLoaded)
        QCoreApplication::removeTranslator(m_appTranslator);
    if (m_qtLoaded)
        QCoreApplication::removeTranslator(m_qtTranslator);
    m_appLoaded = false;
    m_qtLoaded = false;
}

} // namespace AddCow
