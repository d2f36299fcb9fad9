// One id table per enum: the id written in files (JSON, the CLI) and the English display text
// (translated through QCoreApplication::translate with the table's context). Every enum that
// crosses a file, the command line or the screen has exactly one such table, next to the enum.
//
//   constexpr EnumEntry<LrSchedule> kSchedules[] = {
//       {LrSchedule::Paper, "paper", QT_TRANSLATE_NOOP("rx::LrSchedule", "paper: ÷10 at 32k,
//       48k")},
//       ...};
//   idOf(kSchedules, LrSchedule::Paper) == "paper"; fromId(kSchedules, "cosine") == Cosine.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <iterator>
#include <optional>

namespace rx {

template <typename E>
struct EnumEntry {
    E value;
    const char* id;    // stable, lower-case, used in files and on the command line
    const char* text;  // English display text, marked with QT_TRANSLATE_NOOP(context, …)
};

// `table` is any range of EnumEntry<E> (a C array, std::array, std::span).
template <typename Table, typename E>
const EnumEntry<E>* enumEntry(const Table& table, E value) {
    for (const auto& e : table)
        if (e.value == value)
            return &e;
    return nullptr;
}

template <typename Table, typename E>
QString idOf(const Table& table, E value) {
    const auto* e = enumEntry(table, value);
    return e ? QString::fromLatin1(e->id) : QString();
}

template <typename Table>
auto fromId(const Table& table, const QString& id)
    -> std::optional<decltype(std::begin(table)->value)> {
    for (const auto& e : table)
        if (id == QLatin1String(e.id))
            return e.value;
    return std::nullopt;
}

// The translated display text; `context` is the one used in the table's QT_TRANSLATE_NOOP.
template <typename Table, typename E>
QString textOf(const Table& table, E value, const char* context) {
    const auto* e = enumEntry(table, value);
    return e ? QCoreApplication::translate(context, e->text) : QString();
}

// "paper, multistep, cosine": for messages that list what is accepted.
template <typename Table>
QString idList(const Table& table) {
    QStringList ids;
    for (const auto& e : table)
        ids << QString::fromLatin1(e.id);
    return ids.join(QStringLiteral(", "));
}

}  // namespace rx
