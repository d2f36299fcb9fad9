// Issue 13: the four files a user opens or a run folder holds, fed mutated through the loaders the
// app uses. Every input must end in a load or in a refusal with a message: no crash (a signal
// handler names the case), no hang (a watchdog names it), no allocation of 1 GB or more (the
// allocator is interposed below and refuses such requests; the case is named) and no empty error.
//
// Each case is one seeded mutation of a real file made here. RX_FUZZ_CASES=N sets the number per
// format (default 10,000); RX_FUZZ_CASE=<format>:<case> replays one case, <format>:<first>-<last>
// a range; RX_FUZZ_SAVE=DIR keeps the replayed file and its seed there. What the fuzzer found is
// kept as regression cases in findings() at the end.
#include "analysis.h"
#include "dynamics.h"
#include "metrics.h"
#include "network.h"
#include "pipeline.h"
#include "presets.h"
#include "run_folder.h"
#include "spec_json.h"
#include "trainer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <torch/torch.h>

#include <unistd.h>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <functional>
#include <thread>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RX_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define RX_ASAN 1
#endif

#ifdef RX_ASAN
#include <sanitizer/common_interface_defs.h>
#endif

namespace {

// ---- The case being run, for the watchdog, the crash handler and the allocator ----

constexpr std::size_t kAllocationLimit = std::size_t(1) << 30;  // 1 GB
constexpr int kHangSeconds = 5;

std::atomic<std::size_t> gLargestRequest{0};  // since the last reset
std::atomic<bool> gArmed{false};              // refusing requests ≥ kAllocationLimit
std::atomic<long long> gHugeCase{-1};         // the first case that asked for ≥ 1 GB
std::atomic<std::size_t> gHugeRequest{0};     // and how much
std::atomic<long long> gCase{-1};             // the case being loaded, −1 between cases
std::atomic<long long> gCaseStartMs{0};
char gCaseText[160] = "no case";  // "format config.json, case 123"
QString gBroken;  // what a loader accepted that the app could not use, set by the formats

long long nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// False when the request must be refused.
bool noteRequest(std::size_t size) {
    std::size_t largest = gLargestRequest.load(std::memory_order_relaxed);
    while (size > largest &&
           !gLargestRequest.compare_exchange_weak(largest, size, std::memory_order_relaxed)) {
    }
    if (size < kAllocationLimit || !gArmed.load(std::memory_order_relaxed))
        return true;
    long long none = -1;
    if (gHugeCase.compare_exchange_strong(none, gCase.load()))
        gHugeRequest = size;
    return false;
}

void writeStderr(const char* text) {
    const ssize_t ignored = write(STDERR_FILENO, text, std::strlen(text));
    (void)ignored;
}

void crashed(int signal) {
    const char number[] = {char('0' + signal / 10), char('0' + signal % 10), ' ', 0};
    writeStderr("FAIL: tst_fuzz crashed (signal ");
    writeStderr(number);
    writeStderr(") on ");
    writeStderr(gCaseText);
    writeStderr("\n");
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

}  // namespace

// The allocator, interposed: every malloc of the process (Qt, LibTorch, c10's CPU allocator through
// posix_memalign, operator new) comes here first. AddressSanitizer has its own (and its own limit:
// `make asan` sets max_allocation_size_mb=1024).
#ifndef RX_ASAN
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* pointer, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);
void* __libc_valloc(std::size_t size);
void* __libc_pvalloc(std::size_t size);

void* malloc(std::size_t size) {
    if (!noteRequest(size)) {
        errno = ENOMEM;
        return nullptr;
    }
    return __libc_malloc(size);
}
void* calloc(std::size_t count, std::size_t size) {
    std::size_t total = 0;
    if (__builtin_mul_overflow(count, size, &total) || !noteRequest(total)) {
        errno = ENOMEM;
        return nullptr;
    }
    return __libc_calloc(count, size);
}
void* realloc(void* pointer, std::size_t size) {
    if (!noteRequest(size)) {
        errno = ENOMEM;
        return nullptr;
    }
    return __libc_realloc(pointer, size);
}
void* memalign(std::size_t alignment, std::size_t size) {
    if (!noteRequest(size)) {
        errno = ENOMEM;
        return nullptr;
    }
    return __libc_memalign(alignment, size);
}
void* aligned_alloc(std::size_t alignment, std::size_t size) {
    return memalign(alignment, size);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t size) {
    if (alignment < sizeof(void*) || (alignment & (alignment - 1)) != 0)
        return EINVAL;
    if (!noteRequest(size))
        return ENOMEM;
    void* p = __libc_memalign(alignment, size);
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}
void* valloc(std::size_t size) {
    if (!noteRequest(size)) {
        errno = ENOMEM;
        return nullptr;
    }
    return __libc_valloc(size);
}
void* pvalloc(std::size_t size) {
    if (!noteRequest(size)) {
        errno = ENOMEM;
        return nullptr;
    }
    return __libc_pvalloc(size);
}
}
#endif

using namespace rx;

namespace {

// ---- Mutations ----

// splitmix64: a small, seedable, portable generator (the cases must replay anywhere).
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    qsizetype below(qsizetype n) { return n <= 0 ? 0 : qsizetype(next() % std::uint64_t(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <typename T, std::size_t N>
    const T& pick(const T (&items)[N]) {
        return items[below(N)];
    }

private:
    std::uint64_t state_;
};

constexpr const char* kNumbers[] = {
    "0",
    "-0",
    "1",
    "-1",
    "2",
    "3",
    "10",
    "16384",
    "16385",
    "10000",
    "10001",
    "65536",
    "2147483647",
    "2147483648",
    "-2147483648",
    "-2147483649",
    "4294967296",
    "9007199254740993",
    "1e9",
    "1e18",
    "1e308",
    "-1e308",
    "1e309",
    "1e999",
    "1e-308",
    "5e-324",
    "0.5",
    "1.5",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e",
    "--1",
    "0x10",
    "99999999999999999999999999",
};
constexpr const char* kValues[] = {
    "null",
    "true",
    "false",
    "[]",
    "{}",
    "\"\"",
    "\"x\"",
    "[1,2,3]",
    "{\"a\":1}",
    "[null]",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\xff\xfe\"",
    "[\"layer1.0\"]",
    "{\"type\":\"train\"}",
};
constexpr unsigned char kBytes[] = {0x00, 0x01, 0x7f, 0x80, 0xff, '"', '{', '}', '[', ']',
                                    ',',  ':',  '\\', '\n', '0',  '9', '-', 'e', 'P', 'K'};
constexpr std::uint32_t kInts[] = {0,          1,          0x7f,       0x80,      0xff,
                                   0x7fff,     0x8000,     0xffff,     0x10000,   0x7fffffff,
                                   0x80000000, 0xfffffffe, 0xffffffff, 0x40000000};

// The spans of the scalar tokens (strings, numbers, literals) and of the containers of a JSON
// text, found leniently (it may be damaged already).
struct JsonTokens {
    struct Span {
        qsizetype begin, end;
        bool key;  // a string followed by ':'
    };
    QVector<Span> scalars, containers;
};

JsonTokens tokenize(const QByteArray& text) {
    JsonTokens t;
    QVector<qsizetype> open;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n;) {
        const char c = text[i];
        if (c == '"') {
            qsizetype j = i + 1;
            while (j < n && text[j] != '"')
                j += text[j] == '\\' ? 2 : 1;
            j = std::min(j + 1, n);
            qsizetype k = j;
            while (k < n && (text[k] == ' ' || text[k] == '\n'))
                ++k;
            t.scalars.push_back({i, j, k < n && text[k] == ':'});
            i = j;
        } else if (c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n') {
            qsizetype j = i + 1;
            while (j < n && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '.' ||
                             text[j] == '+' || text[j] == '-'))
                ++j;
            t.scalars.push_back({i, j, false});
            i = j;
        } else {
            if (c == '{' || c == '[')
                open.push_back(i);
            else if ((c == '}' || c == ']') && !open.isEmpty())
                t.containers.push_back({open.takeLast(), i + 1, false});
            ++i;
        }
    }
    return t;
}

QByteArray nested(Random& r) {
    static constexpr int kDepths[] = {2, 64, 1000, 1100, 5000};
    const int depth = r.pick(kDepths);
    const bool objects = r.chance(50);
    QByteArray out;
    out.reserve(depth * 6 + 2);
    for (int i = 0; i < depth; ++i)
        out += objects ? "{\"a\":" : "[";
    out += "1";
    for (int i = 0; i < depth; ++i)
        out += objects ? '}' : ']';
    return out;
}

// A value of another kind, size or depth.
QByteArray otherValue(Random& r) {
    switch (r.below(5)) {
        case 0:
            return r.pick(kNumbers);
        case 1:
            return nested(r);
        case 2: {  // a long string
            static constexpr int kLengths[] = {1000, 100000};
            return '"' + QByteArray(r.pick(kLengths), 'x') + '"';
        }
        case 3: {  // a long array
            static constexpr int kLengths[] = {100, 10000};
            QByteArray a = "[";
            for (int i = r.pick(kLengths); i > 0; --i)
                a += i > 1 ? "1e308," : "0";
            return a + ']';
        }
        default:
            return r.pick(kValues);
    }
}

void rawMutation(QByteArray& data, Random& r) {
    const qsizetype n = data.size();
    switch (r.below(8)) {
        case 0:  // bit flips
            for (qsizetype k = 1 + r.below(8); k > 0 && n > 0; --k)
                data[r.below(n)] = char(data[r.below(n)] ^ (1 << r.below(8)));
            break;
        case 1:  // interesting bytes
            for (qsizetype k = 1 + r.below(4); k > 0 && n > 0; --k)
                data[r.below(n)] = char(r.pick(kBytes));
            break;
        case 2:  // truncation
            data.truncate(r.below(n + 1));
            break;
        case 3: {  // chunk duplicated elsewhere
            const qsizetype from = r.below(n), len = r.below(std::min<qsizetype>(n - from, 4096));
            data.insert(r.below(n + 1), data.mid(from, len));
            break;
        }
        case 4: {  // chunk deleted
            const qsizetype from = r.below(n);
            data.remove(from, r.below(std::min<qsizetype>(n - from, 4096)) + 1);
            break;
        }
        case 5: {  // random bytes inserted
            QByteArray junk(1 + r.below(64), Qt::Uninitialized);
            for (char& c : junk)
                c = char(r.next());
            data.insert(r.below(n + 1), junk);
            break;
        }
        case 6: {  // an interesting 1-, 2- or 4-byte little-endian integer over the bytes
            const std::uint32_t v = r.pick(kInts);
            const qsizetype width = qsizetype(1) << r.below(3);
            if (n >= width) {
                const qsizetype at = r.below(n - width + 1);
                for (qsizetype b = 0; b < width; ++b)
                    data[at + b] = char(v >> (8 * b));
            }
            break;
        }
        default:  // the whole file repeated or emptied
            if (r.chance(50))
                data = data.repeated(2 + r.below(3));
            else
                data.clear();
            break;
    }
}

void jsonMutation(QByteArray& text, Random& r) {
    const JsonTokens t = tokenize(text);
    const int op = int(r.below(7));
    if (t.scalars.isEmpty() || (op >= 4 && t.containers.isEmpty())) {
        rawMutation(text, r);
        return;
    }
    const JsonTokens::Span s = t.scalars[r.below(t.scalars.size())];
    switch (op) {
        case 0:  // a number for a number (or for anything)
            if (!s.key)
                text.replace(s.begin, s.end - s.begin, r.pick(kNumbers));
            break;
        case 1:  // a value of another type, size or depth
            if (!s.key)
                text.replace(s.begin, s.end - s.begin, otherValue(r));
            break;
        case 2: {  // a key swapped for another (a field duplicated, a required one missing)
            const JsonTokens::Span other = t.scalars[r.below(t.scalars.size())];
            if (s.key && other.key)
                text.replace(s.begin, s.end - s.begin,
                             text.mid(other.begin, other.end - other.begin));
            break;
        }
        case 3:  // a string's content changed (an unknown id, a unit, an empty name)
            if (!s.key && text[s.begin] == '"') {
                static constexpr const char* kStrings[] = {"\"\"",
                                                           "\"bogus\"",
                                                           "\"A \"",
                                                           "\"19\"",
                                                           "\"-1\"",
                                                           "\"18446744073709551616\"",
                                                           "\"basic\\u0000\"",
                                                           "\"é\""};
                text.replace(s.begin, s.end - s.begin, r.pick(kStrings));
            }
            break;
        case 4: {  // a container repeated in place (many stages, many layers)
            const JsonTokens::Span c = t.containers[r.below(t.containers.size())];
            const QByteArray copy = ',' + text.mid(c.begin, c.end - c.begin);
            static constexpr int kCopies[] = {1, 2, 10, 100, 1000};
            text.insert(c.end, copy.repeated(r.pick(kCopies)));
            break;
        }
        case 5: {  // a container removed, or emptied
            const JsonTokens::Span c = t.containers[r.below(t.containers.size())];
            if (r.chance(50))
                text.remove(c.begin, c.end - c.begin);
            else
                text.replace(c.begin + 1, c.end - c.begin - 2, QByteArray());
            break;
        }
        default: {  // a container for a scalar or the other way round
            const JsonTokens::Span c = t.containers[r.below(t.containers.size())];
            if (r.chance(50))
                text.replace(c.begin, c.end - c.begin, otherValue(r));
            else if (!s.key)
                text.replace(s.begin, s.end - s.begin, text.mid(c.begin, c.end - c.begin));
            break;
        }
    }
}

// Lines of a .jsonl repeated, dropped or swapped.
void lineMutation(QByteArray& text, Random& r) {
    QList<QByteArray> lines = text.split('\n');
    const qsizetype n = lines.size();
    switch (r.below(3)) {
        case 0:
            lines.insert(r.below(n + 1), lines[r.below(n)]);
            break;
        case 1:
            lines.removeAt(r.below(n));
            break;
        default:
            lines.swapItemsAt(r.below(n), r.below(n));
            break;
    }
    text = lines.join('\n');
}

// ---- Zip (the checkpoint's container) ----

std::uint32_t crc32(const char* data, qsizetype size) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xffffffffu;
    for (qsizetype i = 0; i < size; ++i)
        c = table[(c ^ static_cast<unsigned char>(data[i])) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

std::uint32_t le(const QByteArray& d, qsizetype at, int bytes) {
    std::uint32_t v = 0;
    for (int b = 0; b < bytes; ++b)
        v |= std::uint32_t(static_cast<unsigned char>(d[at + b])) << (8 * b);
    return v;
}
void setLe(QByteArray& d, qsizetype at, int bytes, std::uint32_t v) {
    if (at < 0 || at + bytes > d.size())  // an earlier mutation moved or cut it
        return;
    for (int b = 0; b < bytes; ++b)
        d[at + b] = char(v >> (8 * b));
}

// The entries of the seed's zip (as PyTorch writes it: stored, no zip64).
struct ZipEntry {
    QByteArray name;
    qsizetype central, local, data, size, packed;
    int method;
};
struct ZipLayout {
    qsizetype endRecord = -1;
    QVector<ZipEntry> entries;
};

ZipLayout zipLayout(const QByteArray& d) {
    ZipLayout z;
    z.endRecord = d.lastIndexOf(QByteArray("PK\x05\x06", 4));
    if (z.endRecord < 0)
        return z;
    const int count = int(le(d, z.endRecord + 10, 2));
    qsizetype at = le(d, z.endRecord + 16, 4);
    for (int i = 0; i < count; ++i) {
        ZipEntry e;
        e.central = at;
        e.size = le(d, at + 24, 4);
        e.packed = le(d, at + 20, 4);
        e.method = int(le(d, at + 10, 2));
        const int nameLength = int(le(d, at + 28, 2));
        e.name = d.mid(at + 46, nameLength);
        e.local = le(d, at + 42, 4);
        e.data = e.local + 30 + le(d, e.local + 26, 2) + le(d, e.local + 28, 2);
        at += 46 + nameLength + le(d, at + 30, 2) + le(d, at + 32, 2);
        z.entries << e;
    }
    return z;
}

void zipMutation(QByteArray& d, const ZipLayout& z, Random& r) {
    if (z.entries.isEmpty()) {
        rawMutation(d, r);
        return;
    }
    // data.pkl (the pickled structure) more often than the tensors' bytes.
    const ZipEntry* e = &z.entries[r.below(z.entries.size())];
    if (r.chance(40))
        for (const ZipEntry& entry : z.entries)
            if (entry.name.endsWith("data.pkl"))
                e = &entry;
    switch (r.below(3)) {
        case 0: {  // a header field: sizes, offsets, lengths, method, counts
            static constexpr int kLocal[][2] = {{8, 2}, {18, 4}, {22, 4}, {26, 2}, {28, 2}};
            static constexpr int kCentral[][2] = {{10, 2}, {20, 4}, {24, 4}, {28, 2},
                                                  {30, 2}, {32, 2}, {42, 4}};
            static constexpr int kEnd[][2] = {{8, 2}, {10, 2}, {12, 4}, {16, 4}, {20, 2}};
            const std::uint32_t v = r.pick(kInts);
            switch (r.below(3)) {
                case 0: {
                    const auto& f = r.pick(kLocal);
                    setLe(d, e->local + f[0], f[1], v);
                    break;
                }
                case 1: {
                    const auto& f = r.pick(kCentral);
                    setLe(d, e->central + f[0], f[1], v);
                    break;
                }
                default: {
                    const auto& f = r.pick(kEnd);
                    setLe(d, z.endRecord + f[0], f[1], v);
                    break;
                }
            }
            break;
        }
        default: {  // the entry's bytes, same size, checksum fixed so the reader reads them
            if (e->size <= 0 || e->data + e->size > d.size())
                break;
            QByteArray payload = d.mid(e->data, e->size);
            for (qsizetype k = 1 + r.below(3); k > 0; --k) {
                switch (r.below(3)) {
                    case 0:
                        payload[r.below(payload.size())] ^= char(1 << r.below(8));
                        break;
                    case 1:
                        payload[r.below(payload.size())] = char(r.pick(kBytes));
                        break;
                    default: {
                        const std::uint32_t v = r.pick(kInts);
                        const qsizetype width = qsizetype(1) << r.below(3);
                        if (payload.size() >= width)
                            setLe(payload, r.below(payload.size() - width + 1), int(width), v);
                        break;
                    }
                }
            }
            d.replace(e->data, e->size, payload);
            const std::uint32_t crc = crc32(payload.constData(), payload.size());
            setLe(d, e->local + 14, 4, crc);
            setLe(d, e->central + 16, 4, crc);
            break;
        }
    }
}

// ---- The formats ----

struct Format {
    const char* name;  // the file's name
    enum class Kind { Json, JsonLines, Checkpoint } kind;
    // Loads the file at `path` the way the app does: true when accepted, else false with *error.
    std::function<bool(const QString& path, QString* error)> load;
};

QByteArray mutate(const QByteArray& seed, Format::Kind kind, const ZipLayout& zip,
                  std::uint64_t caseSeed) {
    Random r(caseSeed);
    QByteArray data = seed;
    for (qsizetype k = 1 + r.below(r.chance(80) ? 2 : 6); k > 0; --k) {
        const int roll = int(r.below(100));
        if (kind == Format::Kind::Checkpoint)
            roll < 65 ? zipMutation(data, zip, r) : rawMutation(data, r);
        else if (kind == Format::Kind::JsonLines && roll < 15)
            lineMutation(data, r);
        else
            roll < 75 ? jsonMutation(data, r) : rawMutation(data, r);
    }
    return data;
}

// FNV-1a: a case's seed must not depend on the process (qHash is seeded per run).
std::uint64_t nameHash(const char* name) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (; *name; ++name)
        h = (h ^ static_cast<unsigned char>(*name)) * 0x100000001b3ull;
    return h;
}

bool writeFile(const QString& path, const QByteArray& data) {
    QFile::remove(path);  // a new file, not a truncated one (no write-back on ext4)
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// A network small enough that a checkpoint loads in well under a millisecond, with every kind
// of tensor a checkpoint holds (conv, BN with running statistics, a projection, fc).
NetworkSpec tinySpec() {
    NetworkSpec spec;
    spec.name = QStringLiteral("tiny");
    spec.input = {3, 8, 8, 10};
    spec.stem.width = 2;
    StageSpec first;
    first.blocks = 1;
    first.width = 2;
    StageSpec second = first;
    second.width = 4;
    second.stride = 2;
    second.shortcut = ShortcutOption::ProjectOnChange;
    spec.stages = {first, second};
    return spec;
}

struct Tally {
    int cases = 0, accepted = 0;
    double seconds = 0, slowest = 0;
    long long slowestCase = -1;
    std::size_t largestRequest = 0;
};

}  // namespace

class TestFuzz : public QObject {
    Q_OBJECT

    // In memory where there is /dev/shm: rewriting one file 10,000 times on ext4 makes the kernel
    // write each version back (auto_da_alloc), which took most of the time.
    QTemporaryDir dir_{QFileInfo(QStringLiteral("/dev/shm")).isWritable()
                           ? QStringLiteral("/dev/shm/tst_fuzz-XXXXXX")
                           : QDir::tempPath() + QStringLiteral("/tst_fuzz-XXXXXX")};
    std::thread watchdog_;
    std::atomic<bool> done_{false};
    int cases_ = 10000;
    QString only_;  // "format:case" from RX_FUZZ_CASE
    QMap<QString, Tally> tallies_;

    // Runs `format` on every mutated case; each rejection must say why.
    void fuzz(const Format& format, const QByteArray& seed) {
        const QString path = QDir(dir_.path()).filePath(QLatin1String(format.name));
        QString error;
        QVERIFY2(writeFile(path, seed), format.name);
        QVERIFY2(
            format.load(path, &error),
            qPrintable(QStringLiteral("the seed %1 does not load: %2").arg(format.name, error)));
        const ZipLayout zip =
            format.kind == Format::Kind::Checkpoint ? zipLayout(seed) : ZipLayout{};
        if (format.kind == Format::Kind::Checkpoint)
            QVERIFY(zip.entries.size() > 5);

        long long first = 0, last = cases_;
        if (!only_.isEmpty()) {
            if (only_.section(QLatin1Char(':'), 0, 0) != QLatin1String(format.name))
                QSKIP("RX_FUZZ_CASE names another format");
            const QString cases = only_.section(QLatin1Char(':'), 1);  // "N" or "FIRST-LAST"
            first = cases.section(QLatin1Char('-'), 0, 0).toLongLong();
            last =
                (cases.contains(QLatin1Char('-')) ? cases.section(QLatin1Char('-'), 1).toLongLong()
                                                  : first) +
                1;
        }
        Tally tally;
        QElapsedTimer timer;
        timer.start();
        gLargestRequest = 0;
        gHugeCase = -1;
        for (long long c = first; c < last; ++c) {
            const std::uint64_t caseSeed = nameHash(format.name) * 1000003ull + c;
            std::snprintf(gCaseText, sizeof gCaseText,
                          "format %s, case %lld (RX_FUZZ_CASE=%s:%lld)", format.name, c,
                          format.name, c);
            const QByteArray data = mutate(seed, format.kind, zip, caseSeed);
            QVERIFY(writeFile(path, data));
            if (!only_.isEmpty() && qEnvironmentVariableIsSet("RX_FUZZ_SAVE")) {
                const QDir save(qEnvironmentVariable("RX_FUZZ_SAVE"));
                const QString name = QFileInfo(path).fileName();
                writeFile(save.filePath(name), data);
                writeFile(save.filePath(QStringLiteral("seed-") + name), seed);
            }
            gCaseStartMs = nowMs();
            gCase = c;
            gArmed = true;
            error.clear();
            gBroken.clear();
            const bool ok = format.load(path, &error);
            gArmed = false;
            const double took = (nowMs() - gCaseStartMs) / 1000.0;
            if (took > tally.slowest) {
                tally.slowest = took;
                tally.slowestCase = c;
            }
            gCase = -1;
            QVERIFY2(gHugeCase < 0, qPrintable(QStringLiteral("%1 asked for %2 bytes (≥ 1 GB)")
                                                   .arg(QLatin1String(gCaseText))
                                                   .arg(gHugeRequest.load())));
            QVERIFY2(gBroken.isEmpty(),
                     qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(gCaseText), gBroken)));
            QVERIFY2(ok || !error.trimmed().isEmpty(),
                     qPrintable(QStringLiteral("%1 was refused without a message")
                                    .arg(QLatin1String(gCaseText))));
            ++tally.cases;
            tally.accepted += ok;
        }
        tally.seconds = timer.elapsed() / 1000.0;
        tally.largestRequest = gLargestRequest;
        tallies_[QLatin1String(format.name)] = tally;
        qInfo(
            "%s: %d mutated files, %d accepted, %.1f s (slowest: case %lld, %.2f s), largest "
            "allocation %.1f MB",
            format.name, tally.cases, tally.accepted, tally.seconds, tally.slowestCase,
            tally.slowest, double(tally.largestRequest) / 1e6);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        torch::set_num_threads(1);
        if (qEnvironmentVariableIsSet("RX_FUZZ_CASES"))
            cases_ = qEnvironmentVariableIntValue("RX_FUZZ_CASES");
        only_ = qEnvironmentVariable("RX_FUZZ_CASE");
#ifdef RX_ASAN
        __sanitizer_set_death_callback([] {
            writeStderr("FAIL: tst_fuzz died on ");
            writeStderr(gCaseText);
            writeStderr("\n");
        });
#else
        for (int s : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT})
            std::signal(s, crashed);
#endif
        watchdog_ = std::thread([this] {
            while (!done_) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
                if (gCase >= 0 && nowMs() - gCaseStartMs > kHangSeconds * 1000) {
                    writeStderr("FAIL: tst_fuzz: no answer within 5 s (a hang) on ");
                    writeStderr(gCaseText);
                    writeStderr("\n");
                    _exit(1);
                }
            }
        });
    }

    void cleanupTestCase() {
        done_ = true;
        watchdog_.join();
        for (auto it = tallies_.cbegin(); it != tallies_.cend(); ++it)
            qInfo("%-20s %6d files %6.1f s", qPrintable(it.key()), it->cases, it->seconds);
    }

    // The interposed allocator sees LibTorch's requests and refuses one of 1 GB.
    void allocatorIsInterposed() {
#ifdef RX_ASAN
        QSKIP("AddressSanitizer limits allocations itself");
#else
        gLargestRequest = 0;
        const torch::Tensor t = torch::empty({1 << 20}, torch::kFloat);
        QVERIFY(gLargestRequest >= std::size_t(4) << 20);
        gArmed = true;
        bool refused = false;
        try {
            const torch::Tensor huge = torch::empty({std::int64_t(1) << 30}, torch::kFloat);
        } catch (const c10::Error&) {
            refused = true;
        }
        gArmed = false;
        QVERIFY(refused);
        QCOMPARE(gHugeCase.load(), -1);  // no case was running
        gHugeCase = -1;
#endif
    }

    void spec() {
        const Format format{"network.resnet.json", Format::Kind::Json,
                            [](const QString& path, QString* error) {
                                NetworkSpec spec;
                                if (!loadSpecFile(path, &spec, error))
                                    return false;
                                analyze(spec);  // what the builder does with it next
                                return true;
                            }};
        fuzz(format, specToJson(cifarNet(QStringLiteral("resnet-20"), BlockKind::Basic, 3,
                                         ShortcutOption::ZeroPad)));
    }

    void config() {
        const QString run = QDir(dir_.path()).filePath(QStringLiteral("run"));
        QVERIFY(QDir().mkpath(run));
        QVERIFY(saveSpecFile(QDir(run).filePath(kRunArchitectureFile), tinySpec(), nullptr));
        const Format format{"run/config.json", Format::Kind::Json,
                            [run](const QString&, QString* error) {
                                TrainConfig config;
                                if (!loadRunConfig(run, &config, error))
                                    return false;
                                // What it accepts is a configuration the trainer can run.
                                QString why;
                                if (!config.validate(&why))
                                    gBroken = QStringLiteral("accepted an invalid config: ") + why;
                                return true;
                            }};
        TrainConfig c;
        c.spec = tinySpec();
        c.milestones = {91, 136};
        QJsonObject json = c.toJson();
        json["iterations_total"] = 64000;  // as the trainer writes it
        json["iterations_per_epoch"] = 391;
        json["device_name"] = QStringLiteral("CPU");
        fuzz(format, QJsonDocument(json).toJson(QJsonDocument::Indented));
    }

    // A JSON array read as a config of defaults (a run resumed with settings it never had). Qt
    // refuses a bare number or string at the top as invalid JSON already.
    void configNotAnObject_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("array") << QByteArray(R"([{"learning_rate": 0.1}])");
        QTest::newRow("empty array") << QByteArray("[]");
    }

    void configNotAnObject() {
        QFETCH(QByteArray, text);
        const QString run = QDir(dir_.path()).filePath(QStringLiteral("not-an-object"));
        QVERIFY(QDir().mkpath(run));
        QVERIFY(saveSpecFile(QDir(run).filePath(kRunArchitectureFile), tinySpec(), nullptr));
        QVERIFY(writeFile(QDir(run).filePath(kRunConfigFile), text));
        TrainConfig config;
        QString error;
        QVERIFY(!loadRunConfig(run, &config, &error));
        QVERIFY2(error.contains(QStringLiteral("one JSON object")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String(kRunConfigFile)), qPrintable(error));
    }

    void metrics() {
        const Format format{"metrics.jsonl", Format::Kind::JsonLines,
                            [](const QString& path, QString* error) {
                                MetricsLog log;
                                if (!readMetrics(path, &log, error))
                                    return false;
                                // What the dynamics view and `analyze dynamics` make of it.
                                BlockHistory::fromRecords(log.all<BlockDynamics>());
                                return true;
                            }};
        const QString path = QDir(dir_.path()).filePath(QStringLiteral("seed.jsonl"));
        {
            MetricsWriter writer;
            QString error;
            QVERIFY2(writer.open(path, &error), qPrintable(error));
            const QStringList layers{QStringLiteral("conv1"), QStringLiteral("layer1.0.conv1"),
                                     QStringLiteral("layer1.0.conv2")};
            const QStringList blocks{QStringLiteral("layer1.0"), QStringLiteral("layer2.0")};
            for (int it = 50; it <= 200; it += 50) {
                const double epoch = it / 391.0;
                writer.write(TrainMetrics{it, epoch, 2.3 - it / 1000.0, 88.5, 0.1, 1500.25});
                writer.write(GradientNorms{it, epoch, layers, {0.5, 0.25, 1e-3}});
                writer.write(LayerResponses{it, epoch, layers, {1.5, 0.75, 0.5}});
                writer.write(BlockDynamics{it, epoch, blocks, {0.5, std::nan("")}, {0.01, 0.02}});
            }
            writer.write(TestMetrics{200, 200 / 391.0, 2.1, 80.25, false});
            writer.write(TestMetrics{200, 200 / 391.0, 2.2, 81.5, true});
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        fuzz(format, f.readAll());
    }

    void checkpoint() {
        torch::manual_seed(1);
        const NetworkSpec spec = tinySpec();
        const QString seedPath = QDir(dir_.path()).filePath(QStringLiteral("seed.pt"));
        {
            Network net(spec);
            torch::optim::SGD sgd(net->parameters(), torch::optim::SGDOptions(0.1).momentum(0.9));
            const torch::Tensor loss = net->forward(torch::randn({2, 3, 8, 8})).sum();
            loss.backward();
            sgd.step();  // momentum buffers in the optimizer's state
            const Checkpoint info{12, torch::full({3, 1, 1}, 0.5), torch::full({3, 1, 1}, 0.25),
                                  true};
            QString error;
            QVERIFY2(saveCheckpoint(seedPath, net, &sgd, info, &error), qPrintable(error));
        }
        const Format format{
            "checkpoint.pt", Format::Kind::Checkpoint, [spec](const QString& path, QString* error) {
                // What a resume does: a fresh network and optimizer, then the checkpoint.
                Network net(spec);
                torch::optim::SGD sgd(net->parameters(),
                                      torch::optim::SGDOptions(0.1).momentum(0.9));
                Checkpoint info;
                if (!loadCheckpoint(path, net, &sgd, &info, error))
                    return false;
                // Then a forward pass (eval, export, training) on the normalised input.
                try {
                    torch::NoGradGuard noGrad;
                    net->eval();
                    torch::Tensor x = torch::zeros({1, 3, 8, 8});
                    if (info.inputMean.defined() && info.inputStd.defined())
                        x = (x - info.inputMean) / info.inputStd;
                    const torch::Tensor y = net->forward(x);
                    if (y.sizes() != torch::IntArrayRef{1, 10})
                        gBroken = QStringLiteral("accepted a checkpoint whose network answers %1")
                                      .arg(y.numel());
                } catch (const std::exception& e) {
                    gBroken = QStringLiteral("accepted a checkpoint its network cannot run: ") +
                              QString::fromUtf8(e.what()).left(300);
                }
                return true;
            }};
        QFile f(seedPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        fuzz(format, f.readAll());
    }

    // What the fuzzer found, each made again by hand from a real checkpoint: every one must be
    // refused with a message, without a crash and without asking for 1 GB.
    void findings_data() {
        QTest::addColumn<QString>("finding");
        QTest::addColumn<QString>("message");
        // LibTorch reserved the 2 GB a damaged BINUNICODE length in data.pkl claims.
        QTest::newRow("pickle string length") << "unicode"
                                              << "damaged one (archive/data.pkl)";
        // Its Unpickler sized its memo to a damaged LONG_BINPUT id (4 G entries).
        QTest::newRow("pickle memo id") << "memo"
                                        << "damaged one (archive/data.pkl)";
        // Its TorchScript type parser crashed (SIGSEGV in parseClassConstant) on a code file with
        // an assignment it took for a class constant.
        QTest::newRow("code file") << "code"
                                   << "damaged one (archive/code/";
        // The same parser, given an assignment without its spaces (case 5144, a SIGSEGV or not
        // depending on what lay beyond its buffer).
        QTest::newRow("code assignment") << "assignment"
                                         << "damaged one (archive/code/";
        // A deflated code file was compiled unchecked (case 3871).
        QTest::newRow("deflated code") << "deflated"
                                       << "damaged one (archive/code/";
        // A string length that makes the Unpickler read on from the middle of the next string:
        // LibTorch 1.13 pops marks it never checked (case 8151).
        QTest::newRow("pickle resynchronised") << "resync"
                                               << "damaged one (archive/data.pkl)";
        // A storage that claims more elements than its record holds, and a tensor that starts
        // past its storage's end: LibTorch reads beyond the buffer.
        QTest::newRow("storage size") << "numel"
                                      << "damaged one (archive/data.pkl)";
        QTest::newRow("tensor offset") << "offset"
                                       << "damaged one (archive/data.pkl)";
        // A version LibTorch cannot parse: its reader's constructor threw and leaked miniz's
        // state (LeakSanitizer, make asan), and a damaged tensor record (its checksum).
        QTest::newRow("version") << "version"
                                 << "damaged one (archive/version)";
        QTest::newRow("record checksum") << "crc"
                                         << "damaged one (archive/data/";
        // The classic end record listed fewer entries than the zip64 one miniz reads, so the
        // checks above saw only part of the archive.
        QTest::newRow("two end records") << "count"
                                         << "its zip directory";
        // Module::load took tensors of any shape (a conv weight of another width).
        QTest::newRow("another network") << "width"
                                         << "the network's is [";
        // A normalisation that does not fit the input (export and training failed later).
        QTest::newRow("input_mean shape") << "mean"
                                          << "input_mean";
        // An iteration outside int wrapped around.
        QTest::newRow("iteration") << "iteration"
                                   << "out of range";
    }

    void findings() {
        QFETCH(QString, finding);
        QFETCH(QString, message);
        const NetworkSpec spec = tinySpec();
        const QString path = QDir(dir_.path()).filePath(QStringLiteral("finding.pt"));
        NetworkSpec saved = spec;
        if (finding == QLatin1String("width"))
            saved.stages[1].width = 6;
        Checkpoint info{3, torch::full({3, 1, 1}, 0.5), torch::full({3, 1, 1}, 0.25), true};
        if (finding == QLatin1String("mean"))
            info.inputMean = torch::zeros({5});
        if (finding == QLatin1String("iteration"))
            info.iteration = -7;
        {
            Network net(saved);
            torch::optim::SGD sgd(net->parameters(), torch::optim::SGDOptions(0.1).momentum(0.9));
            QString error;
            QVERIFY2(saveCheckpoint(path, net, &sgd, info, &error), qPrintable(error));
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray d = f.readAll();
        f.close();
        const ZipLayout zip = zipLayout(d);
        auto entry = [&](const char* suffix) -> const ZipEntry* {
            for (const ZipEntry& e : zip.entries)
                if (e.name.endsWith(suffix))
                    return &e;
            return nullptr;
        };
        // Rewrites an entry's bytes in place (same size) and its checksums.
        auto patch = [&](const ZipEntry* e, qsizetype at, const QByteArray& bytes) {
            d.replace(e->data + at, bytes.size(), bytes);
            const std::uint32_t crc = crc32(d.constData() + e->data, e->size);
            setLe(d, e->local + 14, 4, crc);
            setLe(d, e->central + 16, 4, crc);
        };
        const ZipEntry* pickle = entry("/data.pkl");
        QVERIFY(pickle);
        const QByteArray pkl = d.mid(pickle->data, pickle->size);
        if (finding == QLatin1String("unicode")) {
            const qsizetype at = pkl.indexOf(QByteArray("X\x05\x00\x00\x00model", 10));
            QVERIFY(at > 0);
            patch(pickle, at + 1, QByteArray("\x00\x00\x00\x80", 4));
        } else if (finding == QLatin1String("memo")) {
            qsizetype at = pkl.indexOf('q');  // BINPUT 1-byte id, made a LONG_BINPUT
            QVERIFY(at > 0);
            patch(pickle, at, QByteArray("r\xf0\xff", 3));
        } else if (finding == QLatin1String("code") || finding == QLatin1String("assignment")) {
            const ZipEntry* code = nullptr;  // a stored (small) one: the text is in the file
            qsizetype at = -1;
            for (const ZipEntry& e : zip.entries)
                if (e.name.endsWith(".py") &&
                    (at = d.mid(e.data, e.size).indexOf("  __buffers__ = []")) > 0) {
                    code = &e;
                    break;
                }
            QVERIFY(code);
            patch(code, at,
                  finding == QLatin1String("code") ? "  __buffers__ = ([)" : "  __buffers__x= []");
        } else if (finding == QLatin1String("deflated")) {
            const ZipEntry* code = nullptr;
            for (const ZipEntry& e : zip.entries)
                if (e.name.endsWith(".py") && e.method == 8)
                    code = &e;
            QVERIFY(code);
            d[code->data + code->packed / 2] = char(d[code->data + code->packed / 2] ^ 0x5a);
        } else if (finding == QLatin1String("resync")) {
            const qsizetype at = pkl.indexOf(QByteArray("X\x05\x00\x00\x00model", 10));
            QVERIFY(at > 0);
            patch(pickle, at + 1, QByteArray("\xff", 1));
        } else if (finding == QLatin1String("numel")) {
            // ('storage', torch.FloatStorage, '0', 'cpu', 54): BINPUT n, then BININT1 54.
            const qsizetype at = pkl.indexOf(QByteArray("X\x03\x00\x00\x00"
                                                        "cpu",
                                                        8)) +
                                 8;
            QVERIFY(at > 8);
            QCOMPARE(pkl[at], 'q');
            QCOMPARE(pkl[at + 2], 'K');
            patch(pickle, at + 3, QByteArray("\xff", 1));
        } else if (finding == QLatin1String("offset")) {
            // BINPERSID, BINPUT n, then the offset: BININT1 0.
            const qsizetype at = pkl.indexOf(QByteArray("tQq", 3)) + 4;
            QVERIFY(at > 4);
            QCOMPARE(pkl.mid(at, 2), QByteArray("K\x00", 2));
            patch(pickle, at + 1, QByteArray("\xff", 1));
        } else if (finding == QLatin1String("version")) {
            const ZipEntry* version = entry("/version");
            QVERIFY(version);
            patch(version, 0, "x");
        } else if (finding == QLatin1String("crc")) {
            const ZipEntry* tensor = entry("/data/0");
            QVERIFY(tensor);
            d[tensor->data] = char(d[tensor->data] ^ 0x01);
        } else if (finding == QLatin1String("count")) {
            setLe(d, zip.endRecord + 8, 2, 3);
            setLe(d, zip.endRecord + 10, 2, 3);
        }
        QVERIFY(writeFile(path, d));

        Network net(spec);
        torch::optim::SGD sgd(net->parameters(), torch::optim::SGDOptions(0.1).momentum(0.9));
        Checkpoint loaded;
        QString error;
        gLargestRequest = 0;
        QVERIFY(!loadCheckpoint(path, net, &sgd, &loaded, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(error.contains(path));
        QVERIFY(gLargestRequest < kAllocationLimit);
        // eval, export and the Predictions view load it through loadTrainedModel, which asked
        // LibTorch's reader what kind of archive the file is before the check above had seen it
        // (a bad version record: miniz's state leaked and the message said "no trained weights").
        LoadedModel model;
        error.clear();
        QVERIFY(!loadTrainedModel(path, &model, &error, &spec));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(gLargestRequest < kAllocationLimit);
    }
};

QTEST_GUILESS_MAIN(TestFuzz)
#include "tst_fuzz.moc"
