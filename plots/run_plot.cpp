#include "run_plot.h"

namespace rx {

RunPlot::RunPlot(std::initializer_list<MetricKind> kinds, QWidget* parent)
    : PlotBase(parent), kinds_(kinds) {}

void RunPlot::addRun(const QString& id, const RunStyle& style) {
    if (runs_.contains(id))
        return;
    Run run;
    run.id = id;
    run.style = style;
    createRun(run);
    runs_.insert(id, run);
    runsChanged();
    updateLegend();
    requestReplot();
}

void RunPlot::removeRun(const QString& id) {
    auto it = runs_.find(id);
    if (it == runs_.end())
        return;
    for (QCPGraph* graph : it->graphs)
        removeGraph(graph);
    for (QCPAbstractItem* item : it->items)
        removeItem(item);
    runs_.erase(it);
    runsChanged();
    updateLegend();
    requestReplot();
}

int RunPlot::records(const QString& id) const {
    const Run* r = run(id);
    return r ? int(r->records.size()) : 0;
}

const RunPlot::Run* RunPlot::run(const QString& id) const {
    auto it = runs_.find(id);
    return it == runs_.end() ? nullptr : &*it;
}

void RunPlot::append(const QString& runId, const MetricRecord& record) {
    if (!shows(kindOf(record)))
        return;
    auto it = runs_.find(runId);
    if (it == runs_.end())
        return;
    it->records << record;
    draw(*it, it->records.size() - 1);
    requestReplot();
}

void RunPlot::appendAll(const QString& runId, const QVector<MetricRecord>& records) {
    for (const MetricRecord& record : records)
        append(runId, record);
    runLoaded(runId);
}

QCPGraph* RunPlot::addRunGraph(Run& run, const QString& name, const QPen& pen,
                               const QCPScatterStyle& scatter, QCPAxis* valueAxis) {
    QCPGraph* graph = addGraph(xAxis, valueAxis ? valueAxis : yAxis);
    graph->setName(name);
    graph->setPen(pen);
    graph->setScatterStyle(scatter);
    if (name.isEmpty())
        graph->removeFromLegend();
    run.graphs << graph;
    return graph;
}

void RunPlot::redraw() {
    for (Run& run : runs_) {
        for (QCPGraph* graph : run.graphs)
            graph->data()->clear();
        for (QCPAbstractItem* item : run.items)
            removeItem(item);
        run.items.clear();
        for (qsizetype i = 0; i < run.records.size(); ++i)
            draw(run, i);
    }
    requestReplot();
}

}  // namespace rx
