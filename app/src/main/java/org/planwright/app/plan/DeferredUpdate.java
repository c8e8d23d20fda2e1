package org.planwright.app.plan;

/**
 * The "fill me when I am shown" rule of the plan views behind tabs (grid, statistics, raw text, query): while the
 * view is active its update runs at once; while it is out of sight a request only marks it stale, and the update
 * runs once when the view becomes active again. A plan of thousands of nodes thus costs those views nothing until
 * someone looks. JavaFX application thread only.
 */
public final class DeferredUpdate {

    private final Runnable update;
    private boolean active = true;
    private boolean stale;

    /** @param update refreshes the view from the current plan state */
    public DeferredUpdate(Runnable update) {
        this.update = update;
    }

    /** Runs the update now if the view is active, else marks it stale. */
    public void request() {
        if (!active) {
            stale = true;
            return;
        }
        stale = false;
        update.run();
    }

    /** @param on true when the view is shown; a stale view updates on becoming active */
    public void setActive(boolean on) {
        active = on;
        if (on && stale) {
            request();
        }
    }

    /** @return true when the view is shown */
    public boolean active() {
        return active;
    }

    /** @return true when a change arrived while the view was out of sight and has not been applied yet */
    public boolean stale() {
        return stale;
    }
}
