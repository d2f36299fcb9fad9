#include "conv_kernels.h"

#include <immintrin.h>
#include <omp.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

// Adapted from the issue #12 spike (its kernels for F(2×2, 3×3), a direct forward pass and a
// stride-2 backward-data lost to oneDNN or to F(4×4, 3×3) and are not kept).

// Register-blocked 6x(2 ymm) accumulators as named scalars (GCC spills __m256 arrays).
#define R6(X) X(0) X(1) X(2) X(3) X(4) X(5)
#define ACC_ZERO(i)                                                      \
    __m256 c##i##0 = _mm256_setzero_ps(), c##i##1 = _mm256_setzero_ps(); \
    (void)c##i##0;                                                       \
    (void)c##i##1;
#define ACC_LOAD(i)                                                      \
    __m256 c##i##0 = _mm256_setzero_ps(), c##i##1 = _mm256_setzero_ps(); \
    if constexpr (NT > i) {                                              \
        c##i##0 = _mm256_loadu_ps(PC(i));                                \
        c##i##1 = _mm256_loadu_ps(PC(i) + 8);                            \
    }
#define ACC_STORE(i)                          \
    if constexpr (NT > i) {                   \
        _mm256_storeu_ps(PC(i), c##i##0);     \
        _mm256_storeu_ps(PC(i) + 8, c##i##1); \
    }
#define ACC_FMA(i)                                   \
    if constexpr (NT > i) {                          \
        const __m256 a = _mm256_broadcast_ss(PA(i)); \
        c##i##0 = _mm256_fmadd_ps(a, b0, c##i##0);   \
        c##i##1 = _mm256_fmadd_ps(a, b1, c##i##1);   \
    }

namespace rx::kernels {
namespace {

struct Buf {
    float* p = nullptr;
    size_t n = 0;
    float* get(size_t want) {
        if (want > n) {
            std::free(p);
            p = (float*)std::aligned_alloc(64, ((want * 4 + 63) / 64) * 64);
            n = want;
        }
        return p;
    }
    ~Buf() { std::free(p); }
};
thread_local Buf tl_pad, tl_V, tl_M, tl_dw;

// src [H][W][C] -> dst [H+2][W+2][C] with zero border
void pad_image(const float* src, float* dst, int H, int W, int C) {
    const int Wp = W + 2;
    std::memset(dst, 0, sizeof(float) * Wp * C);
    std::memset(dst + (size_t)(H + 1) * Wp * C, 0, sizeof(float) * Wp * C);
    for (int h = 0; h < H; ++h) {
        float* d = dst + (size_t)(h + 1) * Wp * C;
        std::memset(d, 0, sizeof(float) * C);
        std::memcpy(d + C, src + (size_t)h * W * C, sizeof(float) * W * C);
        std::memset(d + (size_t)(W + 1) * C, 0, sizeof(float) * C);
    }
}

// C[i][0:16] (=|+=) sum_l A[i*lda + l] * B[l*ldb + 0:16], i < NT
template <int NT>
inline void mk_gemm16(const float* A, int lda, const float* B, int ldb, float* Cm, int ldc, int L) {
#define PA(i) (A + (size_t)(i)*lda + l)
#define PC(i) (Cm + (size_t)(i)*ldc)
    R6(ACC_ZERO)
    for (int l = 0; l < L; ++l) {
        const __m256 b0 = _mm256_loadu_ps(B + (size_t)l * ldb);
        const __m256 b1 = _mm256_loadu_ps(B + (size_t)l * ldb + 8);
        R6(ACC_FMA)
    }
    R6(ACC_STORE)
#undef PA
#undef PC
}

using GemmFn = void (*)(const float*, int, const float*, int, float*, int, int);
constexpr GemmFn gemm_tab[7] = {nullptr,      mk_gemm16<1>, mk_gemm16<2>, mk_gemm16<3>,
                                mk_gemm16<4>, mk_gemm16<5>, mk_gemm16<6>};

// ---------------- Winograd F(4x4,3x3) ----------------
// points 0, 1, -1, 2, -2, inf
// G (6x3) = [[1/4,0,0],[-1/6,-1/6,-1/6],[-1/6,1/6,-1/6],[1/24,1/12,1/6],[1/24,-1/12,1/6],[0,0,1]]
inline void wino4_g(const float g[3][3], float u[36]) {
    const float G[6][3] = {{0.25f, 0, 0},
                           {-1.f / 6, -1.f / 6, -1.f / 6},
                           {-1.f / 6, 1.f / 6, -1.f / 6},
                           {1.f / 24, 1.f / 12, 1.f / 6},
                           {1.f / 24, -1.f / 12, 1.f / 6},
                           {0, 0, 1}};
    float t[6][3];
    for (int i = 0; i < 6; ++i)
        for (int j = 0; j < 3; ++j)
            t[i][j] = G[i][0] * g[0][j] + G[i][1] * g[1][j] + G[i][2] * g[2][j];
    for (int i = 0; i < 6; ++i)
        for (int j = 0; j < 6; ++j)
            u[i * 6 + j] = t[i][0] * G[j][0] + t[i][1] * G[j][1] + t[i][2] * G[j][2];
}

// B^T (6x6) applied to 6 vectors: rows of
// [4,0,-5,0,1,0],[0,-4,-4,1,1,0],[0,4,-4,-1,1,0],[0,-2,-1,2,1,0],[0,2,-1,-2,1,0],[0,4,0,-5,0,1]
inline void wino4_bt(const __m256 d[6], __m256 o[6]) {
    const __m256 c4 = _mm256_set1_ps(4.f), c5 = _mm256_set1_ps(5.f), c2 = _mm256_set1_ps(2.f);
    // o0 = 4 d0 - 5 d2 + d4
    o[0] = _mm256_fmadd_ps(c4, d[0], _mm256_fnmadd_ps(c5, d[2], d[4]));
    // t1 = d3 + d4 - 4(d1 + d2) ; t2 = d4 - d3 + 4(d1 - d2)  [o1 = -4d1 -4d2 + d3 + d4, o2 = 4d1
    // -4d2 -d3 + d4]
    const __m256 a = _mm256_fnmadd_ps(c4, d[2], d[4]);  // d4 - 4 d2
    const __m256 b = _mm256_fnmadd_ps(c4, d[1], d[3]);  // d3 - 4 d1
    o[1] = _mm256_add_ps(a, b);
    o[2] = _mm256_sub_ps(a, b);
    // o3 = -2d1 - d2 + 2d3 + d4 ; o4 = 2d1 - d2 - 2d3 + d4
    const __m256 e = _mm256_sub_ps(d[4], d[2]);
    const __m256 f = _mm256_mul_ps(c2, _mm256_sub_ps(d[3], d[1]));
    o[3] = _mm256_add_ps(e, f);
    o[4] = _mm256_sub_ps(e, f);
    // o5 = 4 d1 - 5 d3 + d5
    o[5] = _mm256_fmadd_ps(c4, d[1], _mm256_fnmadd_ps(c5, d[3], d[5]));
}
// A^T (4x6): [1,1,1,1,1,0],[0,1,-1,2,-2,0],[0,1,1,4,4,0],[0,1,-1,8,-8,1]
inline void wino4_at(const __m256 m[6], __m256 o[4]) {
    const __m256 c2 = _mm256_set1_ps(2.f), c4 = _mm256_set1_ps(4.f), c8 = _mm256_set1_ps(8.f);
    const __m256 s12 = _mm256_add_ps(m[1], m[2]), d12 = _mm256_sub_ps(m[1], m[2]);
    const __m256 s34 = _mm256_add_ps(m[3], m[4]), d34 = _mm256_sub_ps(m[3], m[4]);
    o[0] = _mm256_add_ps(_mm256_add_ps(m[0], s12), s34);
    o[1] = _mm256_fmadd_ps(c2, d34, d12);
    o[2] = _mm256_fmadd_ps(c4, s34, s12);
    o[3] = _mm256_add_ps(_mm256_fmadd_ps(c8, d34, d12), m[5]);
}

// V[x][t][c] = (B^T d B)[x] for tiles t0..t0+nt of the padded image xp
void wino_input_transform(const float* xp, float* V, int Wp, int C, int m, int T, int t0, int nt,
                          int TW) {
    for (int t = 0; t < nt; ++t) {
        const int th = (t0 + t) / TW, tw = (t0 + t) % TW;
        const float* base = xp + ((size_t)(th * m) * Wp + tw * m) * C;
        for (int c = 0; c < C; c += 8) {
            {
                __m256 tt[6][6];
                for (int j = 0; j < 6; ++j) {
                    __m256 col[6], o[6];
                    for (int i = 0; i < 6; ++i)
                        col[i] = _mm256_loadu_ps(base + ((size_t)i * Wp + j) * C + c);
                    wino4_bt(col, o);
                    for (int i = 0; i < 6; ++i)
                        tt[i][j] = o[i];
                }
                const size_t xs = (size_t)T * C;
                for (int i = 0; i < 6; ++i) {
                    __m256 o[6];
                    wino4_bt(tt[i], o);
                    float* v = V + ((size_t)(i * 6) * T + t) * C + c;
                    for (int j = 0; j < 6; ++j)
                        _mm256_storeu_ps(v + j * xs, o[j]);
                }
            }
        }
    }
}

// U layout [alpha*alpha][Cin][Cout] (Cout contiguous), where the conv maps Cin->Cout.
void wino_transform_weights(const float* Wt, float* U, int K, int C, int m, bool for_bwd_data) {
    const int a = m + 2, A2 = a * a;
    const int Cin = for_bwd_data ? K : C, Cout = for_bwd_data ? C : K;
    for (int k = 0; k < K; ++k)
        for (int c = 0; c < C; ++c) {
            float g[3][3];
            for (int r = 0; r < 3; ++r)
                for (int s = 0; s < 3; ++s)
                    g[r][s] = for_bwd_data ? Wt[((size_t)(k * 3 + (2 - r)) * 3 + (2 - s)) * C + c]
                                           : Wt[((size_t)(k * 3 + r) * 3 + s) * C + c];
            float u[36];
            wino4_g(g, u);
            const int ci = for_bwd_data ? k : c, co = for_bwd_data ? c : k;
            for (int x = 0; x < A2; ++x)
                U[((size_t)x * Cin + ci) * Cout + co] = u[x];
        }
}

// Stride-1 pad-1 3x3 conv via Winograd F(m x m, 3x3), m in {2,4}; H, W multiples of m.
void wino_conv(const float* X, const float* U, float* Y, int N, int H, int W, int C, int K, int m,
               int T) {
    const int a = m + 2, A2 = a * a;
    const int TH = H / m, TW = W / m, NTILE = TH * TW;
    const int Hp = H + 2, Wp = W + 2;
#pragma omp parallel
    {
        float* xp = tl_pad.get((size_t)Hp * Wp * C);
        float* V = tl_V.get((size_t)A2 * T * C);
        float* M = tl_M.get((size_t)A2 * T * K);
#pragma omp for schedule(static)
        for (int n = 0; n < N; ++n) {
            pad_image(X + (size_t)n * H * W * C, xp, H, W, C);
            float* yimg = Y + (size_t)n * H * W * K;
            for (int t0 = 0; t0 < NTILE; t0 += T) {
                const int nt = std::min(T, NTILE - t0);
                wino_input_transform(xp, V, Wp, C, m, T, t0, nt, TW);
                // batched GEMMs: M[x][t][k] = sum_c V[x][t][c] U[x][c][k]
                for (int x = 0; x < A2; ++x) {
                    const float* Vx = V + (size_t)x * T * C;
                    const float* Ux = U + (size_t)x * C * K;
                    float* Mx = M + (size_t)x * T * K;
                    for (int k0 = 0; k0 < K; k0 += 16)
                        for (int t = 0; t < nt; t += 6) {
                            const int b = std::min(6, nt - t);
                            gemm_tab[b](Vx + (size_t)t * C, C, Ux + k0, K, Mx + (size_t)t * K + k0,
                                        K, C);
                        }
                }
                // output transform
                for (int t = 0; t < nt; ++t) {
                    const int th = (t0 + t) / TW, tw = (t0 + t) % TW;
                    float* ybase = yimg + ((size_t)(th * m) * W + tw * m) * K;
                    const size_t xs = (size_t)T * K;
                    for (int k = 0; k < K; k += 8) {
                        const float* mp = M + (size_t)t * K + k;
                        {
                            __m256 tt[4][6];
                            for (int j = 0; j < 6; ++j) {
                                __m256 col[6], o[4];
                                for (int i = 0; i < 6; ++i)
                                    col[i] = _mm256_loadu_ps(mp + (i * 6 + j) * xs);
                                wino4_at(col, o);
                                for (int i = 0; i < 4; ++i)
                                    tt[i][j] = o[i];
                            }
                            for (int i = 0; i < 4; ++i) {
                                __m256 o[4];
                                wino4_at(tt[i], o);
                                for (int j = 0; j < 4; ++j)
                                    _mm256_storeu_ps(ybase + ((size_t)i * W + j) * K + k, o[j]);
                            }
                        }
                    }
                }
            }
        }
    }
}

// ---------------- backward weights (any stride) ----------------
// dw[i*C + 0:16] += sum_{oh in [oh0,oh1), ow} dy[oh][ow][i] * xp[(oh*S)*Wp + ow*S][0:16]
template <int NT>
inline void bww_mk(const float* dy, int K, const float* xp, int S, int Wp, int C, int oh0, int oh1,
                   int OW, float* dw) {
#define PA(i) (dyr + (size_t)ow * K + (i))
#define PC(i) (dw + (size_t)(i)*C)
    R6(ACC_LOAD)
    for (int oh = oh0; oh < oh1; ++oh) {
        const float* dyr = dy + (size_t)oh * OW * K;
        const float* xr = xp + (size_t)oh * S * Wp * C;
        for (int ow = 0; ow < OW; ++ow) {
            const __m256 b0 = _mm256_loadu_ps(xr + (size_t)ow * S * C),
                         b1 = _mm256_loadu_ps(xr + (size_t)ow * S * C + 8);
            R6(ACC_FMA)
        }
    }
    R6(ACC_STORE)
#undef PA
#undef PC
}
using BwwFn = void (*)(const float*, int, const float*, int, int, int, int, int, int, float*);
constexpr BwwFn bww_tab[7] = {nullptr,   bww_mk<1>, bww_mk<2>, bww_mk<3>,
                              bww_mk<4>, bww_mk<5>, bww_mk<6>};

// dW physical [K][3][3][C]
void direct_bwd_weight(const float* X, const float* dY, float* dW, int N, int H, int W, int C,
                       int K, int S, int rows_chunk_pixels) {
    const int OH = (H - 1) / S + 1, OW = (W - 1) / S + 1, Wp = W + 2, Hp = H + 2;
    std::vector<float*> parts;  // one partial sum per thread of the team
    const int rc = std::max(1, std::min(OH, rows_chunk_pixels / OW));
#pragma omp parallel
    {
        // The team, not omp_get_max_threads(): it is smaller under OMP_THREAD_LIMIT, OMP_DYNAMIC
        // or inside another parallel region (implicit barrier after the single).
#pragma omp single
        parts.assign(omp_get_num_threads(), nullptr);
        const int tid = omp_get_thread_num();
        float* xp = tl_pad.get((size_t)Hp * Wp * C);
        float* dw = tl_dw.get((size_t)9 * K * C);
        std::memset(dw, 0, sizeof(float) * 9 * K * C);
        parts[tid] = dw;
#pragma omp for schedule(static)
        for (int n = 0; n < N; ++n) {
            pad_image(X + (size_t)n * H * W * C, xp, H, W, C);
            const float* dy = dY + (size_t)n * OH * OW * K;
            for (int oh0 = 0; oh0 < OH; oh0 += rc) {
                const int oh1 = std::min(OH, oh0 + rc);
                for (int rs = 0; rs < 9; ++rs) {
                    const int r = rs / 3, s = rs % 3;
                    const float* xs = xp + ((size_t)r * Wp + s) * C;
                    float* dwrs = dw + (size_t)rs * K * C;
                    for (int k0 = 0; k0 < K; k0 += 6) {
                        const int b = std::min(6, K - k0);
                        for (int c0 = 0; c0 < C; c0 += 16)
                            bww_tab[b](dy + k0, K, xs + c0, S, Wp, C, oh0, oh1, OW,
                                       dwrs + (size_t)k0 * C + c0);
                    }
                }
            }
        }
        // reduction (implicit barrier after omp for)
#pragma omp for schedule(static)
        for (int k = 0; k < K; ++k)
            for (int rs = 0; rs < 9; ++rs)
                for (int c = 0; c < C; ++c) {
                    float sum = 0.f;
                    for (const float* part : parts)
                        sum += part[((size_t)rs * K + k) * C + c];
                    dW[((size_t)k * 9 + rs) * C + c] = sum;
                }
    }
}

// ---------------- Winograd backward weights (stride 1) ----------------
// dg = G^T [ (A dY A^T) (.) (B^T d B) ] G, summed over all tiles.
// D[i*C + 0:16] += sum_l A[l*lda + i] * B[l*ldb + 0:16]
template <int NT>
inline void mk_acc_t(const float* A, int lda, const float* B, int ldb, float* D, int ldd, int L) {
#define PA(i) (A + (size_t)l * lda + (i))
#define PC(i) (D + (size_t)(i)*ldd)
    R6(ACC_LOAD)
    for (int l = 0; l < L; ++l) {
        const __m256 b0 = _mm256_loadu_ps(B + (size_t)l * ldb),
                     b1 = _mm256_loadu_ps(B + (size_t)l * ldb + 8);
        R6(ACC_FMA)
    }
    R6(ACC_STORE)
#undef PA
#undef PC
}
using AccFn = void (*)(const float*, int, const float*, int, float*, int, int);
constexpr AccFn acc_tab[7] = {nullptr,     mk_acc_t<1>, mk_acc_t<2>, mk_acc_t<3>,
                              mk_acc_t<4>, mk_acc_t<5>, mk_acc_t<6>};

// A (a x m): m=2: [[1,0],[1,1],[1,-1],[0,-1]]
// m=4: [1,0,0,0],[1,1,1,1],[1,-1,1,-1],[1,2,4,8],[1,-2,4,-8],[0,0,0,1]
inline void wino_a_col(const __m256* y, __m256* o, int /*m: 4*/) {
    {
        const __m256 c2 = _mm256_set1_ps(2.f), c4 = _mm256_set1_ps(4.f), c8 = _mm256_set1_ps(8.f);
        const __m256 e = _mm256_add_ps(y[0], y[2]), od = _mm256_add_ps(y[1], y[3]);
        o[0] = y[0];
        o[1] = _mm256_add_ps(e, od);
        o[2] = _mm256_sub_ps(e, od);
        const __m256 e2 = _mm256_fmadd_ps(c4, y[2], y[0]),
                     od2 = _mm256_fmadd_ps(c8, y[3], _mm256_mul_ps(c2, y[1]));
        o[3] = _mm256_add_ps(e2, od2);
        o[4] = _mm256_sub_ps(e2, od2);
        o[5] = y[3];
    }
}

void wino_bwd_weight(const float* X, const float* dY, float* dW, int N, int H, int W, int C, int K,
                     int m, int T) {
    const int a = m + 2, A2 = a * a;
    const int TH = H / m, TW = W / m, NTILE = TH * TW;
    const int Hp = H + 2, Wp = W + 2;
    std::vector<float*> parts;  // one partial sum per thread of the team (as above)
#pragma omp parallel
    {
#pragma omp single
        parts.assign(omp_get_num_threads(), nullptr);
        const int tid = omp_get_thread_num();
        float* xp = tl_pad.get((size_t)Hp * Wp * C);
        float* V = tl_V.get((size_t)A2 * T * C);
        float* Mh = tl_M.get((size_t)A2 * T * K);
        float* D = tl_dw.get((size_t)A2 * K * C);
        std::memset(D, 0, sizeof(float) * A2 * K * C);
        parts[tid] = D;
#pragma omp for schedule(static)
        for (int n = 0; n < N; ++n) {
            pad_image(X + (size_t)n * H * W * C, xp, H, W, C);
            const float* dyimg = dY + (size_t)n * H * W * K;
            for (int t0 = 0; t0 < NTILE; t0 += T) {
                const int nt = std::min(T, NTILE - t0);
                wino_input_transform(xp, V, Wp, C, m, T, t0, nt, TW);
                // dY transform: Mh[x][t][k] = (A dy A^T)[x]
                const size_t xs = (size_t)T * K;
                for (int t = 0; t < nt; ++t) {
                    const int th = (t0 + t) / TW, tw = (t0 + t) % TW;
                    const float* yb = dyimg + ((size_t)(th * m) * W + tw * m) * K;
                    for (int k = 0; k < K; k += 8) {
                        __m256 tt[6][4];  // [a][m]
                        for (int j = 0; j < m; ++j) {
                            __m256 col[4], o[6];
                            for (int i = 0; i < m; ++i)
                                col[i] = _mm256_loadu_ps(yb + ((size_t)i * W + j) * K + k);
                            wino_a_col(col, o, m);
                            for (int i = 0; i < a; ++i)
                                tt[i][j] = o[i];
                        }
                        float* mp = Mh + (size_t)t * K + k;
                        for (int i = 0; i < a; ++i) {
                            __m256 o[6];
                            wino_a_col(tt[i], o, m);
                            for (int j = 0; j < a; ++j)
                                _mm256_storeu_ps(mp + (i * a + j) * xs, o[j]);
                        }
                    }
                }
                // D[x][k][c] += sum_t Mh[x][t][k] V[x][t][c]
                for (int x = 0; x < A2; ++x) {
                    const float* Mx = Mh + (size_t)x * T * K;
                    const float* Vx = V + (size_t)x * T * C;
                    float* Dx = D + (size_t)x * K * C;
                    for (int k0 = 0; k0 < K; k0 += 6) {
                        const int b = std::min(6, K - k0);
                        for (int c0 = 0; c0 < C; c0 += 16)
                            acc_tab[b](Mx + k0, K, Vx + c0, C, Dx + (size_t)k0 * C + c0, C, nt);
                    }
                }
            }
        }
        // reduce over threads into parts[0]'s layout, then output transform G^T D G
#pragma omp for schedule(static)
        for (int k = 0; k < K; ++k) {
            float G[6][3];
            {
                const float g4[6][3] = {{0.25f, 0, 0},
                                        {-1.f / 6, -1.f / 6, -1.f / 6},
                                        {-1.f / 6, 1.f / 6, -1.f / 6},
                                        {1.f / 24, 1.f / 12, 1.f / 6},
                                        {1.f / 24, -1.f / 12, 1.f / 6},
                                        {0, 0, 1}};
                for (int i = 0; i < 6; ++i)
                    for (int j = 0; j < 3; ++j)
                        G[i][j] = g4[i][j];
            }
            for (int c = 0; c < C; ++c) {
                float d[36];
                for (int x = 0; x < A2; ++x) {
                    float s = 0.f;
                    for (const float* part : parts)
                        s += part[((size_t)x * K + k) * C + c];
                    d[x] = s;
                }
                float tmp[3][6];
                for (int r = 0; r < 3; ++r)
                    for (int j = 0; j < a; ++j) {
                        float s = 0.f;
                        for (int i = 0; i < a; ++i)
                            s += G[i][r] * d[i * a + j];
                        tmp[r][j] = s;
                    }
                for (int r = 0; r < 3; ++r)
                    for (int s2 = 0; s2 < 3; ++s2) {
                        float s = 0.f;
                        for (int j = 0; j < a; ++j)
                            s += tmp[r][j] * G[j][s2];
                        dW[((size_t)k * 9 + r * 3 + s2) * C + c] = s;
                    }
            }
        }
    }
}

}  // namespace

bool supported() {
    static const bool ok = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return ok;
}

namespace {
constexpr int kTileBlock = 24;  // Winograd tiles per transform block (12-48 measured alike)
constexpr int kRowsChunkPixels = 64;
}  // namespace

void winogradWeights(const float* w, float* u, int k, int c, bool backwardData) {
    wino_transform_weights(w, u, k, c, 4, backwardData);
}

void winogradConv(const float* x, const float* u, float* y, int n, int h, int w, int cin,
                  int cout) {
    wino_conv(x, u, y, n, h, w, cin, cout, 4, kTileBlock);
}

void winogradWeightGradient(const float* x, const float* dy, float* dw, int n, int h, int w, int c,
                            int k) {
    wino_bwd_weight(x, dy, dw, n, h, w, c, k, 4, kTileBlock);
}

void directWeightGradient(const float* x, const float* dy, float* dw, int n, int h, int w, int c,
                          int k, int stride) {
    direct_bwd_weight(x, dy, dw, n, h, w, c, k, stride, kRowsChunkPixels);
}

}  // namespace rx::kernels
