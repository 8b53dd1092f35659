// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLocale>
#include <QObject>
#include <QStringList>

class QSettings;
class QTranslator;

namespace AddCow
{

/**
 * Loads AddCow Studio's translation (embedded as ":/i18n/addcow-studio_LANG.qm") and Qt's own
 * qtbase translation for one language, and installs them on the application.
 *
 * The language is, first one wins: the `--lang CODE` command-line option, the persistent
 * setting "language", the system locale. "C" and "en" mean the untranslated English text.
 * Must be used after the QCoreApplication exists and before any window is built.
 */
class TranslationLoader : public QObject
{
    Q_OBJECT

public:
    explicit TranslationLoader(QObject *parent = nullptr);
    ~TranslationLoader() override;

    /** The settings key holding the user's language choice (a code such as "de"; empty: the system's). */
    static QString settingsKey();
    /** The value of `--lang CODE` or `--lang=CODE` in arguments; empty when not given. */
    static QString languageFromArguments(const QStringList &arguments);
    /** The language to use: override if not empty, else the stored setting, else the system locale's name. */
    static QString chooseLanguage(const QString &override, const QSettings &settings);
    /** Stores code as the user's choice; an empty code goes back to the system's language. */
    static void storeLanguage(QSettings &settings, const QString &code);
    /** Languages there is an embedded translation for (e.g. "de", "zh_CN"), sorted. */
    static QStringList availableLanguages();

    /**
     * Removes what an earlier load() installed, then installs the translations for code and
     * makes its locale the default (numbers, dates). Returns true when AddCow Studio's own
     * translation was found; English ("C", "en", "en_US", ...) installs nothing and returns true.
     */
    bool load(const QString &code);
    /** The language code of the last load(); empty before. */
    QString language() const { return m_language; }
    /** True when Qt's own (qtbase) translation was installed by the last load(). */
    bool hasQtTranslation() const { return m_qtLoaded; }

private:
    void unload();

    QTranslator *m_appTranslator;
    QTranslator *m_qtTranslator;
    QString m_language;
    bool m_appLoaded = false;
    bool m_qtLoaded = false;
};

} // namespace AddCow
