// What the Insights views share about the runs they show: the run box filled from the Training
// tab's runs list (plus the shown run when the list lacks it), following the list's changes, and
// what a run folder holds. No torch here.
#pragma once

#include <QString>

#include <functional>
#include <optional>

class QComboBox;
class QObject;

namespace rx {

class RunsModel;

// Fills `box` with the runs of `runs` (may be null), adds `current` when it is not among them and
// selects it (nothing selected when `current` is empty). Emits no signal of the box.
void fillRunBox(QComboBox* box, const RunsModel* runs, const QString& current);
// Calls `refill` (in `context`) whenever the runs list gains, loses or changes a run.
void followRuns(RunsModel* runs, QObject* context, const std::function<void()>& refill);
// Whether the run folder has a checkpoint to analyse.
bool hasCheckpoint(const QString& runDir);
// Whether the run's network has shortcuts; nullopt when its architecture cannot be read.
std::optional<bool> runIsResidual(const QString& runDir);

}  // namespace rx
