// The .resnet.json file format ("format": 1). See README.md for the layout.
#pragma once

#include "spec.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace rx {

inline constexpr int kSpecFormatVersion = 1;
inline constexpr const char* kSpecFileSuffix = ".resnet.json";

// "a string", "an array", …: a JSON value's type for error messages ("batch: expected a positive
// integer, got a string"); every JSON reader of the app words its errors with it.
QString jsonTypeName(const QJsonValue& value);

QByteArray specToJson(const NetworkSpec& spec);
// False with a message naming the field ("stages[1].width: expected an integer, got a string")
// for malformed JSON, a newer format version, wrong types or unknown kinds.
bool specFromJson(const QByteArray& json, NetworkSpec* spec, QString* error);

bool loadSpecFile(const QString& path, NetworkSpec* spec, QString* error);
// Written atomically: an existing file is never left half-written.
bool saveSpecFile(const QString& path, const NetworkSpec& spec, QString* error);

}  // namespace rx
