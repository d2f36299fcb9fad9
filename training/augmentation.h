// The paper's training augmentation (He et al. 2015, §4.2): pad 4 pixels on each side, take a
// random 32×32 crop, flip horizontally with probability 0.5. The trainer (pipeline.cpp `augment`,
// tensor ops on normalised batches) and the Dataset view (these plain functions on uint8 images)
// both read these constants, so they cannot disagree. No torch here.
//
// The pad value is 0 in the network's input, which is normalised ((x/255 − mean) / std): in
// pixels a padded border has the training set's mean colour, not black.
#pragma once

#include "cifar10.h"

#include <QRandomGenerator>

#include <array>

namespace rx {

inline constexpr int kAugmentPad = 4;              // pixels added on each side
inline constexpr int kAugmentCrop = 32;            // the crop's side: the input size again
inline constexpr double kAugmentFlipChance = 0.5;  // probability of a horizontal flip
inline constexpr float kAugmentPadValue = 0.0f;    // in normalised input units (the mean)

// One image's random choice: the crop's top-left corner in the padded image (0 … 2·pad) and the
// flip.
struct AugmentDraw {
    int dy = kAugmentPad;
    int dx = kAugmentPad;
    bool flip = false;
    bool operator==(const AugmentDraw&) const = default;
};
inline AugmentDraw drawAugmentation(QRandomGenerator& rng) {
    AugmentDraw d;
    d.dy = int(rng.bounded(2 * kAugmentPad + 1));
    d.dx = int(rng.bounded(2 * kAugmentPad + 1));
    d.flip = rng.generateDouble() < kAugmentFlipChance;
    return d;
}

// Applies `draw` to one CIFAR image (kCifarImageBytes, R, G, B planes of 32×32) into `out` (the
// same layout); pixels from the padding take `padColour` (per channel: the training set's mean
// colour, which is what the trainer's zero pad of a normalised image is).
inline void applyAugmentation(const uchar* image, const AugmentDraw& draw,
                              const std::array<uchar, 3>& padColour, uchar* out) {
    static_assert(kAugmentCrop == 32, "CIFAR images are 32×32");
    constexpr int side = 32;
    for (int c = 0; c < 3; ++c)
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x) {
                const int sx = draw.dx + (draw.flip ? side - 1 - x : x) - kAugmentPad;
                const int sy = draw.dy + y - kAugmentPad;
                const bool inside = sx >= 0 && sx < side && sy >= 0 && sy < side;
                out[(c * side + y) * side + x] =
                    inside ? image[(c * side + sy) * side + sx] : padColour[size_t(c)];
            }
}

}  // namespace rx
