// An experiment's figure (training/experiments.h), drawn by the dashboard's own plot classes from
// the run folders under DIR: Fig. 6 as error curves (plain networks and residual ones side by
// side, as in the paper), Fig. 7 as layer responses (in layer order above, sorted below). The
// CLI writes it as DIR/figure.png and DIR/figure.pdf; the GUI can export it the same way.
// Needs a QApplication (the CLI makes an offscreen one). No torch here.
#pragma once

#include <QString>
#include <QStringList>

namespace rx {

// Draws the experiment in `dir` (its summary.json and run folders) into each of `paths` (.png or
// .pdf); false with a message naming the file when one cannot be written or `dir` holds no
// experiment.
bool writeExperimentFigure(const QString& dir, const QStringList& paths, QString* error);

}  // namespace rx
