#include "contours.h"

#include <QHash>

#include <cmath>

namespace rx {

namespace {

// A crossing point is named by the grid edge it lies on, so segments of neighbouring cells meet
// exactly: horizontal edge (i, j)–(i+1, j) is 2·(j·columns + i), vertical (i, j)–(i, j+1) is that
// + 1.
struct Segment {
    qint64 a, b;
};

}  // namespace

QVector<QVector<QPointF>> contourLines(const SampledGrid& g, double level) {
    QVector<QVector<QPointF>> lines;
    if (g.columns < 2 || g.rows < 2 || g.values.size() < qsizetype(g.columns) * g.rows)
        return lines;
    const double dx = (g.x1 - g.x0) / (g.columns - 1), dy = (g.y1 - g.y0) / (g.rows - 1);
    auto value = [&](int i, int j) { return g.values[j * g.columns + i]; };
    QHash<qint64, QPointF> points;
    // The crossing on the edge from sample (i, j) to (i + di, j + dj), named as above.
    auto crossing = [&](int i, int j, int di, int dj) {
        const qint64 key = 2 * (qint64(j) * g.columns + i) + dj;
        if (!points.contains(key)) {
            const double va = value(i, j), vb = value(i + di, j + dj);
            const double t = (level - va) / (vb - va);
            points.insert(key, {g.x0 + (i + t * di) * dx, g.y0 + (j + t * dj) * dy});
        }
        return key;
    };
    QVector<Segment> segments;
    for (int j = 0; j + 1 < g.rows; ++j)
        for (int i = 0; i + 1 < g.columns; ++i) {
            const double v[4] = {value(i, j), value(i + 1, j), value(i + 1, j + 1),
                                 value(i, j + 1)};
            if (std::isnan(v[0]) || std::isnan(v[1]) || std::isnan(v[2]) || std::isnan(v[3]))
                continue;
            const bool above[4] = {v[0] > level, v[1] > level, v[2] > level, v[3] > level};
            // Edges: 0 bottom (corners 0–1), 1 right (1–2), 2 top (3–2), 3 left (0–3).
            qint64 edge[4] = {-1, -1, -1, -1};
            if (above[0] != above[1])
                edge[0] = crossing(i, j, 1, 0);
            if (above[1] != above[2])
                edge[1] = crossing(i + 1, j, 0, 1);
            if (above[3] != above[2])
                edge[2] = crossing(i, j + 1, 1, 0);
            if (above[0] != above[3])
                edge[3] = crossing(i, j, 0, 1);
            QVector<qint64> crossed;
            for (qint64 e : edge)
                if (e >= 0)
                    crossed.append(e);
            if (crossed.size() == 2) {
                segments.append({crossed[0], crossed[1]});
            } else if (crossed.size() == 4) {
                // A saddle: corners 0 and 2 on one side, 1 and 3 on the other. When the centre
                // is on 0's side, 0 and 2 connect and the lines cut off corners 1 and 3.
                const bool centreAbove = (v[0] + v[1] + v[2] + v[3]) / 4 > level;
                if (centreAbove == above[0]) {
                    segments.append({edge[0], edge[1]});
                    segments.append({edge[2], edge[3]});
                } else {
                    segments.append({edge[3], edge[0]});
                    segments.append({edge[1], edge[2]});
                }
            }
        }

    // Join the segments into polylines through the crossing points they share (each point is
    // shared by at most two segments).
    QHash<qint64, QVector<int>> at;
    for (int s = 0; s < segments.size(); ++s) {
        at[segments[s].a].append(s);
        at[segments[s].b].append(s);
    }
    QVector<bool> used(segments.size(), false);
    auto next = [&](qint64 point, int from) {
        for (int s : at.value(point))
            if (s != from && !used[s])
                return s;
        return -1;
    };
    // Walks from `point` away through unused segments, appending the points it reaches.
    auto walk = [&](qint64 point, int from, QVector<qint64>* keys) {
        for (int s = next(point, from); s >= 0; s = next(point, s)) {
            used[s] = true;
            point = segments[s].a == point ? segments[s].b : segments[s].a;
            keys->append(point);
        }
    };
    for (int s = 0; s < segments.size(); ++s) {
        if (used[s])
            continue;
        used[s] = true;
        QVector<qint64> forward{segments[s].a, segments[s].b}, backward;
        walk(segments[s].b, s, &forward);
        if (forward.last() != forward.first())  // open so far: extend the other way too
            walk(segments[s].a, s, &backward);
        QVector<QPointF> line;
        for (auto it = backward.crbegin(); it != backward.crend(); ++it)
            line.append(points.value(*it));
        for (qint64 k : forward)
            line.append(points.value(k));
        lines.append(line);
    }
    return lines;
}

QVector<double> logLevels(double low, double high, int count) {
    QVector<double> levels;
    if (count < 1 || !(low > 0) || !(high > 0))
        return levels;
    if (count == 1)
        return {low};
    const double a = std::log(low), b = std::log(high);
    for (int k = 0; k < count; ++k)
        levels.append(std::exp(a + (b - a) * k / (count - 1)));
    return levels;
}

}  // namespace rx
