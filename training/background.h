// The priority of the threads that run tensor work beside an interface. No torch here.
#pragma once

namespace rx {

// How much lower than the interface thread background work runs (a nice value: 5 gives the
// interface about three quarters of a core that it shares with one training thread).
inline constexpr int kBackgroundNice = 5;

// Called once by a process with an interface (the GUI's main()): from then on workInBackground()
// lowers the priority of the threads that call it. Training keeps every core busy, and without
// this the interface thread waits for its turn behind the training threads: a redraw of the
// plots then takes several times its CPU time (longest stalls of about 90 ms in bench_soak on
// 2 cores, against 25 ms with it). The CLI keeps its threads at the normal priority.
void keepInterfaceResponsive();

// Called at the start of a thread that runs tensor work (a training run, an analysis): lowers
// that thread's priority by kBackgroundNice (once per thread) once keepInterfaceResponsive() was
// called. Linux applies it to the calling thread only; the OpenMP workers that this thread's
// parallel work starts afterwards inherit it. Elsewhere it does nothing.
void workInBackground();

}  // namespace rx
