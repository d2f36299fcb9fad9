#include "landscape_view.h"

namespace rx {

LandscapeView::LandscapeView(RunsModel*, QWidget* parent) : QWidget(parent) {}

}  // namespace rx
