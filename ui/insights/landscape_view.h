// PLACEHOLDER: the landscape view of the Insights tab (issue 11). To be written.
#pragma once

#include <QWidget>

namespace rx {

class RunsModel;

class LandscapeView : public QWidget {
    Q_OBJECT

public:
    explicit LandscapeView(RunsModel* runs, QWidget* parent = nullptr);
};

}  // namespace rx
