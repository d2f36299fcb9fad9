// The user interface language, switched at run time. One table of languages (each named in its
// own language, so a user who cannot read the current one finds theirs), one pair of installed
// translators (the app's catalogue from :/i18n and Qt's own qtbase), the remembered choice.
//
// Installing a catalogue makes Qt send QEvent::LanguageChange to every widget. Each widget sets
// its texts in a retranslateUi() called from its constructor and from
// changeEvent(QEvent::LanguageChange); texts it registered in a TranslatedTexts are re-read there.
#pragma once

#include <QPointer>
#include <QString>

#include <span>
#include <vector>

class QObject;

namespace rx {

struct LanguageInfo {
    const char* code;        // "en", "ko": the catalogue's suffix (resnet-explorer_ko.qm)
    const char* nativeName;  // the language's own name for itself, never translated
};

std::span<const LanguageInfo> availableLanguages();
const LanguageInfo* languageInfo(const QString& code);  // nullptr when not in the table

// Installs the catalogues of `code` in place of the current ones (widgets then get
// QEvent::LanguageChange). False, and nothing changes, for a code not in the table.
bool setLanguage(const QString& code);
QString currentLanguage();  // "" until setLanguage succeeded once

// The choice remembered in QSettings ("ui/language"), "" when none was made.
QString savedLanguage();
void saveLanguage(const QString& code);
// The table's language closest to the system locale ("en" when none matches).
QString systemLanguage();
// What to start with: `commandLine` (--lang) when given and known, else the saved choice, else
// the system's language.
QString startupLanguage(const QString& commandLine = {});

// Texts a widget re-reads in its retranslateUi(): each one a Qt property of an object ("text",
// "title", "windowTitle", "toolTip", "statusTip", "placeholderText", "specialValueText") and its
// English source, marked with QT_TR_NOOP in the owner's class (or QT_TRANSLATE_NOOP(context, …)).
class TranslatedTexts {
public:
    explicit TranslatedTexts(const char* context) : context_(context) {}
    // Registers the text and sets it now; returns `target` for chaining in constructors.
    template <typename T>
    T* add(T* target, const char* property, const char* source) {
        addObject(target, property, source);
        return target;
    }
    void retranslate() const;

private:
    void addObject(QObject* target, const char* property, const char* source);
    struct Entry {
        QPointer<QObject> target;
        const char* property;
        const char* source;
    };
    const char* context_;
    std::vector<Entry> entries_;
};

}  // namespace rx
