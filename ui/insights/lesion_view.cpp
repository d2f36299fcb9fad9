#include "lesion_view.h"

namespace rx {

LesionView::LesionView(RunsModel*, QWidget* parent) : QWidget(parent) {}

}  // namespace rx
