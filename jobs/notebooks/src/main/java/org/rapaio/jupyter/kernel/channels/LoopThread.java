/*
 * Copyright 2023-2026 Aurelian Tutuianu. MIT License (https://github.com/padreati/rapaio-jupyter-kernel/blob/main/LICENCE).
 *
 * A corrected copy of rapaio-jupyter-kernel 3.0.1's LoopThread, put before the kernel's jar on its classpath by
 * notebooks/run. Two start-up races of the kernel end in a shell channel that never handles a message, so a kernel
 * that never answers kernel_info ("Kernel didn't respond in N seconds"): on this project's two-core machines under
 * load, one start in three or four.
 * 1. The original sets its "running" flag after Thread.start(): when the new thread runs first it reads false and
 *    leaves its loop at once. Here the flag is set before the thread starts.
 * 2. The channels are bound (and their loops started) in a random order before the kernel registers its message
 *    handlers: a kernel_info request that reaches the shell in between throws a NullPointerException, which ended
 *    the loop. Here an exception of one turn is logged and the loop goes on (the client sends kernel_info again);
 *    a loop that fails turn after turn (a closed socket) still ends, after MAX_FAILURES turns in a row.
 * Nothing else differs.
 */
package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Level;
import java.util.logging.Logger;

public final class LoopThread extends Thread {

    private static final Logger LOGGER = Logger.getLogger(LoopThread.class.getSimpleName());
    private static final int MAX_FAILURES = 20;

    private volatile boolean running = false;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        int failures = 0;
        while (running) {
            try {
                loopBody.run();
                failures = 0;
            } catch (RuntimeException e) {
                if (++failures >= MAX_FAILURES) {
                    LOGGER.log(Level.SEVERE, getName() + ": " + failures + " turns failed in a row, the loop ends", e);
                    running = false;
                    return;
                }
                LOGGER.log(Level.WARNING, getName() + ": a message could not be handled, the loop goes on", e);
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
