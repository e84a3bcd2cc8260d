package io.strom.runtime.tasks;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The queue of actions a task runs on its own thread, and the task's wake-up signal. Any thread may
 * {@link #put} mails or {@link #signal()} (new input, a free buffer); only the task's thread runs
 * mails and waits. This is why operators never need locks.
 */
public final class Mailbox {
  private final ConcurrentLinkedQueue<Mail> mails = new ConcurrentLinkedQueue<>();
  private volatile Thread owner;
  private volatile boolean signalled;

  /** Binds the mailbox to the calling thread, which alone runs mails and waits. */
  public void bindToCurrentThread() {
    owner = Thread.currentThread();
  }

  public void put(Mail mail) {
    mails.add(mail);
    signal();
  }

  /** Wakes the task if it waits; a signal given before it waits makes the next wait return. */
  public void signal() {
    signalled = true;
    Thread t = owner;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  /** Runs every queued mail. Called only on the task's thread. */
  public boolean runMails() throws Exception {
    boolean ran = false;
    Mail mail;
    while ((mail = mails.poll()) != null) {
      mail.action().run();
      ran = true;
    }
    return ran;
  }

  /**
   * Clears the signal. Call before checking the task's inputs: a signal that arrives after this
   * makes the following {@link #await()} return at once.
   */
  public void clearSignal() {
    signalled = false;
  }

  /** Waits until signalled or a mail arrives. Called only on the task's thread. */
  public void await() throws InterruptedException {
    while (!signalled && mails.isEmpty()) {
      LockSupport.park(this);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  public boolean hasMail() {
    return !mails.isEmpty();
  }

  /** Drops queued mails (the task is over). */
  public void clear() {
    mails.clear();
  }
}
