#include "torch_archive.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <zlib.h>

#include <memory>
#include <vector>

namespace rx {

namespace {

class TorchArchive {
    Q_DECLARE_TR_FUNCTIONS(rx::TorchArchive)
public:
    static QString damaged(const QString& where) {
        return tr("not a checkpoint, or a damaged one (%1)").arg(where);
    }
    static QString directory() { return damaged(tr("its zip directory")); }
};

// Little-endian fields of the file, −1 past its end.
struct Bytes {
    const QByteArray& d;
    qint64 le(qint64 at, int bytes) const {
        if (at < 0 || at + bytes > d.size())
            return -1;
        qint64 v = 0;
        for (int b = 0; b < bytes; ++b)
            v |= qint64(static_cast<unsigned char>(d[at + b])) << (8 * b);
        return v;
    }
};

struct Record {
    QByteArray name;
    qint64 data = 0;    // where its bytes start in the file
    qint64 packed = 0;  // its bytes in the file
    qint64 size = 0;    // its bytes once inflated
    quint32 crc = 0;    // of those bytes, as the directory gives it
    bool stored = true;
};

// ---- The pickles ----
//
// A model of LibTorch's Unpickler over the opcodes its Pickler writes. It keeps what a later check
// needs (ints, strings, globals, tuples, storages and their sizes) and refuses what LibTorch would
// read out of bounds: a pop of an empty stack or mark list, an odd SETITEMS, a memo id never put,
// a callable that is not a global, a storage larger than its record, a tensor whose strides reach
// past its storage.

struct Value {
    enum class Kind { Other, Int, Str, Global, Tuple, Storage, Tensor } kind = Kind::Other;
    qint64 integer = 0;                               // Int; a Storage's element count
    QByteArray text;                                  // Str; a Global's "module name"
    std::vector<std::shared_ptr<const Value>> items;  // Tuple
};
using ValuePtr = std::shared_ptr<const Value>;

ValuePtr value(Value::Kind kind, qint64 integer = 0, QByteArray text = {}) {
    auto v = std::make_shared<Value>();
    v->kind = kind;
    v->integer = integer;
    v->text = std::move(text);
    return v;
}

// The bytes of one element of a LibTorch storage type ("torch FloatStorage"); 0 when unknown.
int storageItemSize(const QByteArray& global) {
    static const QHash<QByteArray, int> sizes{
        {"torch FloatStorage", 4},        {"torch DoubleStorage", 8},
        {"torch HalfStorage", 2},         {"torch BFloat16Storage", 2},
        {"torch LongStorage", 8},         {"torch IntStorage", 4},
        {"torch ShortStorage", 2},        {"torch CharStorage", 1},
        {"torch ByteStorage", 1},         {"torch BoolStorage", 1},
        {"torch ComplexFloatStorage", 8}, {"torch ComplexDoubleStorage", 16}};
    return sizes.value(global, 0);
}

// The globals a LibTorch archive names: its classes, tensors, storages and list builders.
bool knownGlobal(const QByteArray& global) {
    static const QRegularExpression known(QStringLiteral(
        R"(^(__torch__(\.\w+)* \w+|torch\._utils _rebuild_tensor_v2|collections OrderedDict)"
        R"(|torch\.jit\._pickle (build_(int|double|bool|tensor)list|restore_type_tag))$)"));
    return storageItemSize(global) > 0 || known.match(QString::fromLatin1(global)).hasMatch();
}

// Whether a tensor rebuilt from `args` (storage, offset, sizes, strides, requires_grad, hooks)
// stays inside its storage.
bool tensorFits(const Value& args) {
    if (args.kind != Value::Kind::Tuple || args.items.size() < 6)
        return false;
    const Value &storage = *args.items[0], &offset = *args.items[1], &sizes = *args.items[2],
                &strides = *args.items[3];
    if (storage.kind != Value::Kind::Storage || offset.kind != Value::Kind::Int ||
        offset.integer < 0 || sizes.kind != Value::Kind::Tuple ||
        strides.kind != Value::Kind::Tuple || sizes.items.size() != strides.items.size() ||
        sizes.items.size() > 16)
        return false;
    qint64 last = offset.integer;  // the last element the tensor reads
    bool empty = false;
    for (size_t i = 0; i < sizes.items.size(); ++i) {
        const Value &size = *sizes.items[i], &stride = *strides.items[i];
        if (size.kind != Value::Kind::Int || stride.kind != Value::Kind::Int || size.integer < 0 ||
            stride.integer < 0)
            return false;
        qint64 reach = 0;
        empty = empty || size.integer == 0;
        if (size.integer > 0 && (__builtin_mul_overflow(size.integer - 1, stride.integer, &reach) ||
                                 __builtin_add_overflow(last, reach, &last)))
            return false;
    }
    return empty || last < storage.integer;
}

// Runs the pickle d[begin, end) (the record `name`); true when LibTorch reads it within bounds.
bool pickleFits(const QByteArray& d, qint64 begin, qint64 end, const QByteArray& name,
                const QHash<QByteArray, const Record*>& records) {
    const Bytes bytes{d};
    // Its tensors' records: "archive/data.pkl" names "archive/data/<key>".
    const QByteArray tensorPrefix = name.left(name.lastIndexOf('.')) + '/';
    std::vector<ValuePtr> stack, memo;
    std::vector<size_t> marks;
    auto top = [&](size_t n) { return stack.size() >= n; };
    auto pop = [&] {
        ValuePtr v = std::move(stack.back());
        stack.pop_back();
        return v;
    };
    auto items = [&](size_t from) {  // the stack from `from` on, as a tuple
        auto tuple = std::make_shared<Value>();
        tuple->kind = Value::Kind::Tuple;
        tuple->items.assign(stack.begin() + qsizetype(from), stack.end());
        stack.resize(from);
        return tuple;
    };
    auto mark = [&](size_t* at) {
        if (marks.empty() || marks.back() > stack.size())
            return false;
        *at = marks.back();
        marks.pop_back();
        return true;
    };
    for (qint64 at = begin; at < end;) {
        const auto op = static_cast<unsigned char>(d[at++]);
        auto argument = [&](int n) {  // an n-byte little-endian argument, −1 past the end
            const qint64 v = at + n <= end ? bytes.le(at, n) : -1;
            at += n;
            return v;
        };
        size_t from = 0;
        switch (op) {
            case 0x80:  // PROTO
                if (at != begin + 1 || argument(1) != 2)
                    return false;
                break;
            case '.':  // STOP
                return stack.size() == 1 && marks.empty();
            case '(':  // MARK
                marks.push_back(stack.size());
                break;
            case ')':  // EMPTY_TUPLE
                stack.push_back(value(Value::Kind::Tuple));
                break;
            case ']':   // EMPTY_LIST
            case '}':   // EMPTY_DICT
            case 'N':   // NONE
            case 0x88:  // NEWTRUE
            case 0x89:  // NEWFALSE
                stack.push_back(value(Value::Kind::Other));
                break;
            case 'K':    // BININT1
            case 'M':    // BININT2
            case 'J': {  // BININT
                const int n = op == 'K' ? 1 : op == 'M' ? 2 : 4;
                qint64 v = argument(n);
                if (v < 0)
                    return false;
                if (n == 4)
                    v = qint32(quint32(v));
                stack.push_back(value(Value::Kind::Int, v));
                break;
            }
            case 0x8a: {  // LONG1: LibTorch reads 8-byte ones only
                if (argument(1) != 8 || at + 8 > end)
                    return false;
                stack.push_back(value(Value::Kind::Int, bytes.le(at, 8)));
                at += 8;
                break;
            }
            case 'G':  // BINFLOAT
                if (argument(8) == -1 && at > end)
                    return false;
                stack.push_back(value(Value::Kind::Other));
                break;
            case 'X': {  // BINUNICODE
                const qint64 n = argument(4);
                if (n < 0 || at + n > end)
                    return false;
                stack.push_back(value(Value::Kind::Str, 0, d.mid(at, n)));
                at += n;
                break;
            }
            case 'c': {  // GLOBAL module\nname\n
                const qint64 first = d.indexOf('\n', at);
                const qint64 second = first < 0 ? -1 : d.indexOf('\n', first + 1);
                if (second < 0 || second >= end)
                    return false;
                const QByteArray global =
                    d.mid(at, first - at) + ' ' + d.mid(first + 1, second - first - 1);
                if (!knownGlobal(global))
                    return false;
                stack.push_back(value(Value::Kind::Global, 0, global));
                at = second + 1;
                break;
            }
            case 't':  // TUPLE
                if (!mark(&from))
                    return false;
                stack.push_back(items(from));
                break;
            case 0x85:    // TUPLE1
            case 0x86:    // TUPLE2
            case 0x87: {  // TUPLE3
                const size_t n = op - 0x84;
                if (!top(n))
                    return false;
                stack.push_back(items(stack.size() - n));
                break;
            }
            case 'e':  // APPENDS: the list lies below the mark
            case 'u':  // SETITEMS: the dict lies below the mark, then keys and values
                if (!mark(&from) || from == 0 || (op == 'u' && (stack.size() - from) % 2 != 0))
                    return false;
                stack.resize(from);
                break;
            case 'q':    // BINPUT
            case 'r': {  // LONG_BINPUT: LibTorch's pickler numbers its memo from 0 up
                const qint64 id = argument(op == 'q' ? 1 : 4);
                if (id < 0 || id > qint64(memo.size()) || stack.empty())
                    return false;
                if (id == qint64(memo.size()))
                    memo.push_back(stack.back());
                else
                    memo[size_t(id)] = stack.back();
                break;
            }
            case 'h':    // BINGET
            case 'j': {  // LONG_BINGET
                const qint64 id = argument(op == 'h' ? 1 : 4);
                if (id < 0 || id >= qint64(memo.size()))
                    return false;
                stack.push_back(memo[size_t(id)]);
                break;
            }
            case 0x81:  // NEWOBJ: a class and its (empty) arguments; the class stays
                if (!top(2) || stack[stack.size() - 2]->kind != Value::Kind::Global)
                    return false;
                stack.pop_back();
                break;
            case 'R':    // REDUCE: a global called on a tuple
            case 'b': {  // BUILD: a class given its state
                if (!top(2) || stack[stack.size() - 2]->kind != Value::Kind::Global)
                    return false;
                const ValuePtr args = pop(), callable = pop();
                if (callable->text == "torch._utils _rebuild_tensor_v2") {
                    if (op != 'R' || !tensorFits(*args))
                        return false;
                    stack.push_back(value(Value::Kind::Tensor));
                } else {
                    stack.push_back(value(Value::Kind::Other));
                }
                break;
            }
            case 'Q': {  // BINPERSID: ("storage", type, key, device, numel)
                if (!top(1))
                    return false;
                const ValuePtr id = pop();
                if (id->kind != Value::Kind::Tuple || id->items.size() != 5)
                    return false;
                const Value &tag = *id->items[0], &type = *id->items[1], &key = *id->items[2],
                            &device = *id->items[3], &numel = *id->items[4];
                const int itemSize =
                    type.kind == Value::Kind::Global ? storageItemSize(type.text) : 0;
                const Record* record =
                    key.kind == Value::Kind::Str ? records.value(tensorPrefix + key.text) : nullptr;
                qint64 storageBytes = 0;
                if (tag.kind != Value::Kind::Str || tag.text != "storage" || itemSize == 0 ||
                    device.kind != Value::Kind::Str || numel.kind != Value::Kind::Int ||
                    numel.integer < 0 ||
                    __builtin_mul_overflow(numel.integer, qint64(itemSize), &storageBytes) ||
                    (storageBytes > 0 && (!record || storageBytes > record->size)))
                    return false;
                stack.push_back(value(Value::Kind::Storage, numel.integer));
                break;
            }
            default:  // an opcode LibTorch's pickler never writes
                return false;
        }
        if (at > end)
            return false;
    }
    return false;  // no STOP
}

// ---- The code files ----

// Whether an archive's code file reads line by line as LibTorch writes one for the plain modules
// of a checkpoint: a class line, the lists of parameter and buffer names, annotations
// ("  name : Type", '  __annotations__["key"] = Type') of the types a checkpoint holds. LibTorch
// compiles these files, and takes any other line for code (a damaged assignment such as
// "__buffers__x= []" can crash its type parser), so nothing else passes.
bool plainModuleCode(const QByteArray& code) {
    static const QRegularExpression line(QStringLiteral(
        R"(^(|class \w+\(\w+\):)"
        R"(|  __(parameters|buffers)__ = \[("[\w./]*", )*\])"
        R"(|  __annotations__ = \[\])"
        R"(|  (\w+ :|__annotations__\["[\w./]*"\] =) (Tensor|str|int|float|bool|__torch__(\.\w+)+))$)"));
    for (const QByteArray& text : code.split('\n'))
        if (!line.match(QString::fromLatin1(text)).hasMatch())
            return false;
    return true;
}

// A zip record's raw deflate stream inflated, when it holds exactly `size` bytes; else empty.
QByteArray inflated(const QByteArray& packed, qint64 size) {
    QByteArray out(size, Qt::Uninitialized);
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
        return {};
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.constData()));
    z.avail_in = uInt(packed.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    const int status = inflate(&z, Z_FINISH);
    const bool whole = status == Z_STREAM_END && z.total_out == uLong(size);
    inflateEnd(&z);
    return whole ? out : QByteArray();
}

// ---- The zip ----

// The archive's records as its central directory lists them, each inside the file and stored as
// LibTorch writes it (tensors and pickles as they are, code files deflated or not, at most 16 MB);
// false when the directory is damaged.
bool readDirectory(const QByteArray& d, std::vector<Record>* records) {
    const Bytes bytes{d};
    const qsizetype end = d.lastIndexOf(QByteArray("PK\x05\x06", 4));
    if (end < 0 || end + 22 > d.size())
        return false;
    qint64 count = bytes.le(end + 10, 2), directorySize = bytes.le(end + 12, 4);
    qint64 at = bytes.le(end + 16, 4);
    // LibTorch (miniz) reads the zip64 end record when there is one: it must say the same.
    if (bytes.le(end - 20, 4) == 0x07064b50) {
        const qint64 end64 = bytes.le(end - 20 + 8, 4);
        if (bytes.le(end64, 4) != 0x06064b50 || bytes.le(end64 + 36, 4) != 0 ||
            bytes.le(end64 + 44, 4) != 0 || bytes.le(end64 + 52, 4) != 0)
            return false;
        const qint64 count64 = bytes.le(end64 + 32, 4), size64 = bytes.le(end64 + 40, 4),
                     at64 = bytes.le(end64 + 48, 4);
        if ((count != 0xffff && count != count64) ||
            (directorySize != 0xffffffff && directorySize != size64) ||
            (at != 0xffffffff && at != at64) || bytes.le(end64 + 24, 4) != count64 ||
            bytes.le(end64 + 28, 4) != 0)
            return false;
        count = count64;
        directorySize = size64;
        at = at64;
    }
    if (at < 0 || directorySize < 0 || at + directorySize > end)
        return false;
    for (qint64 i = 0; i < count; ++i) {
        if (bytes.le(at, 4) != 0x02014b50)
            return false;
        Record r;
        const qint64 method = bytes.le(at + 10, 2), nameLength = bytes.le(at + 28, 2),
                     local = bytes.le(at + 42, 4);
        r.crc = quint32(bytes.le(at + 16, 4));
        r.packed = bytes.le(at + 20, 4);
        r.size = bytes.le(at + 24, 4);
        r.name = d.mid(at + 46, nameLength);
        at += 46 + nameLength + bytes.le(at + 30, 2) + bytes.le(at + 32, 2);
        const bool code = r.name.contains("/code/") && r.name.endsWith(".py");
        r.stored = method == 0 && r.packed == r.size;
        const bool deflated = method == 8 && code && r.size <= (qint64(16) << 20);
        if ((!r.stored && !deflated) || bytes.le(local, 4) != 0x04034b50 ||
            bytes.le(local + 8, 2) != method)
            return false;
        r.data = local + 30 + bytes.le(local + 26, 2) + bytes.le(local + 28, 2);
        if (r.data + r.packed > d.size() || at > end)
            return false;
        records->push_back(std::move(r));
    }
    return true;
}

}  // namespace

bool looksLikeZip(const QByteArray& data) {
    return data.startsWith(QByteArrayLiteral("PK\x03\x04"));
}

QString torchArchiveProblem(const QByteArray& d, quint64 newestVersion, QStringList* names) {
    std::vector<Record> records;
    if (!readDirectory(d, &records))
        return TorchArchive::directory();
    // What LibTorch's reader checks as it opens the archive: its constructor throws before its
    // destructor could free miniz's state (a leak per damaged file), so it is checked here
    // first. The first record names the archive's folder, which holds a version it reads.
    if (records.empty() || !records.front().name.contains('/'))
        return TorchArchive::directory();
    const QByteArray folder = records.front().name.left(records.front().name.indexOf('/') + 1);
    QHash<QByteArray, const Record*> byName;
    for (const Record& r : records)
        byName.insert(r.name, &r);
    const Record* version =
        byName.value(folder + ".data/version", byName.value(folder + "version"));
    if (!version)
        return TorchArchive::directory();
    for (const Record& r : records) {
        // A stored record's bytes are read where they are (tensors can be large).
        const QByteArray text = r.stored ? QByteArray::fromRawData(d.constData() + r.data, r.size)
                                         : inflated(d.mid(r.data, r.packed), r.size);
        bool fits =
            text.size() == r.size &&
            crc32(0, reinterpret_cast<const Bytef*>(text.constData()), uInt(text.size())) == r.crc;
        if (fits && &r == version) {
            static const QRegularExpression number(QStringLiteral("^[0-9]{1,18}\\n?$"));
            const quint64 v = text.trimmed().toULongLong();
            fits =
                number.match(QString::fromLatin1(text)).hasMatch() && v >= 1 && v <= newestVersion;
        } else if (fits && (r.name.endsWith(".pkl") || r.name.endsWith(".debug_pkl"))) {
            fits = r.stored && pickleFits(d, r.data, r.data + r.size, r.name, byName);
        } else if (fits && r.name.contains("/code/") && r.name.endsWith(".py")) {
            fits = plainModuleCode(text);
        }
        if (!fits)
            return TorchArchive::damaged(QString::fromUtf8(r.name));
    }
    if (names) {
        names->clear();
        for (const Record& r : records)
            if (r.name.startsWith(folder))
                *names << QString::fromUtf8(r.name.mid(folder.size()));
    }
    return {};
}

}  // namespace rx
