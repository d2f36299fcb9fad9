// A LibTorch archive (a checkpoint.pt, a pytorch weight export) checked before LibTorch reads it.
//
// LibTorch 1.13 trusts the files it loads: miniz allocates what a zip record's header claims, the
// Unpickler pops stacks and marks it never checked, builds a storage of the size the pickle says
// (not the record's) and a tensor of any strides over it, and the TorchScript compiler parses the
// code/ files (a damaged one can crash it). A damaged or hostile file crashed the app, sometimes,
// depending on what lay beyond the buffer. So the app reads a LibTorch archive only after this
// check has walked its zip directory, run its pickles on a model of LibTorch's unpickler and read
// its code files against the grammar LibTorch writes them in. No torch here: Qt and zlib only.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace rx {

// Empty when `data` reads as a LibTorch archive that LibTorch 1.13 can load without reading out of
// bounds (every record's checksum right, its file format version at most `newestVersion`, the
// linked LibTorch's kMaxSupportedFileFormatVersion); else what is wrong, for a message ("not a
// checkpoint, or a damaged one (…)"). A sound archive's record names, relative to its folder as
// LibTorch's reader names them ("data.pkl", "constants.pkl", "data/0"), go to `records` if given.
QString torchArchiveProblem(const QByteArray& data, quint64 newestVersion,
                            QStringList* records = nullptr);

// Whether `data` starts as a zip file does (a local file header): every LibTorch archive does.
bool looksLikeZip(const QByteArray& data);

}  // namespace rx
