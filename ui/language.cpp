#include "language.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <QVariant>

namespace rx {

namespace {

constexpr LanguageInfo kLanguages[] = {
    {"en", "English"},
    {"ko", "한국어"},
};

constexpr char kSettingsKey[] = "ui/language";

// The installed pair; both belong to the application object and go with it.
struct Installed {
    QString code;
    QPointer<QTranslator> app, qt;
};

Installed& installed() {
    static Installed state;
    return state;
}

// A translator for `name` in `code` from `dir`, or nullptr when there is no such catalogue.
QTranslator* load(const QString& code, const QString& name, const QString& dir) {
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(QLocale(code), name, QStringLiteral("_"), dir))
        return translator;
    delete translator;
    return nullptr;
}

}  // namespace

std::span<const LanguageInfo> availableLanguages() {
    return kLanguages;
}

const LanguageInfo* languageInfo(const QString& code) {
    for (const LanguageInfo& info : kLanguages)
        if (code == QLatin1String(info.code))
            return &info;
    return nullptr;
}

bool setLanguage(const QString& code) {
    if (!languageInfo(code) || !QCoreApplication::instance())
        return false;
    Installed& state = installed();
    if (state.code == code)
        return true;
    // Remove the old pair before installing the new one: each change posts one LanguageChange.
    for (QPointer<QTranslator>* t : {&state.app, &state.qt})
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete t->data();
        }
    state.app = load(code, QStringLiteral("resnet-explorer"), QStringLiteral(":/i18n"));
    state.qt =
        load(code, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    for (QTranslator* t : {state.app.data(), state.qt.data()})
        if (t)
            QCoreApplication::installTranslator(t);
    state.code = code;
    return true;
}

QString currentLanguage() {
    return installed().code;
}

QString savedLanguage() {
    const QString code = QSettings().value(QLatin1String(kSettingsKey)).toString();
    return languageInfo(code) ? code : QString();
}

void saveLanguage(const QString& code) {
    QSettings().setValue(QLatin1String(kSettingsKey), code);
}

QString systemLanguage() {
    for (const QString& ui : QLocale::system().uiLanguages()) {
        const QString code = ui.section(QLatin1Char('-'), 0, 0).toLower();
        if (languageInfo(code))
            return code;
    }
    return QString::fromLatin1(kLanguages[0].code);
}

QString startupLanguage(const QString& commandLine) {
    if (!commandLine.isEmpty()) {
        const QString code = QLocale(commandLine).name().section(QLatin1Char('_'), 0, 0);
        if (languageInfo(code))
            return code;
    }
    const QString saved = savedLanguage();
    return saved.isEmpty() ? systemLanguage() : saved;
}

void TranslatedTexts::addObject(QObject* target, const char* property, const char* source) {
    entries_.push_back({target, property, source});
    target->setProperty(property, QCoreApplication::translate(context_, source));
}

void TranslatedTexts::retranslate() const {
    for (const Entry& e : entries_)
        if (e.target)
            e.target->setProperty(e.property, QCoreApplication::translate(context_, e.source));
}

}  // namespace rx
