// PLACEHOLDER: the lesion view of the Insights tab (issue 11). To be written.
#pragma once

#include <QWidget>

namespace rx {

class RunsModel;

class LesionView : public QWidget {
    Q_OBJECT

public:
    explicit LesionView(RunsModel* runs, QWidget* parent = nullptr);
};

}  // namespace rx
