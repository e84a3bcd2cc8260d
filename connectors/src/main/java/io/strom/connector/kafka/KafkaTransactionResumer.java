package io.strom.connector.kafka;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Reads a transactional producer's id and epoch, and lets a new producer with the same
 * transactional id take over a transaction another producer left open, so that it can commit it.
 *
 * <p>Kafka's client has no public API for either (the producer's {@code initTransactions} always
 * aborts what is open), so this reaches into its transaction manager by reflection, as Flink's
 * Kafka sink does. It is confined to this class: an incompatible client fails with a {@link
 * TransactionResumeException} naming the client's internals that changed.
 */
final class KafkaTransactionResumer {
  private static final String MANAGER_CLASS =
      "org.apache.kafka.clients.producer.internals.TransactionManager";
  private static final String STATE_CLASS = MANAGER_CLASS + "$State";
  private static final String PRODUCER_ID_AND_EPOCH_CLASS =
      "org.apache.kafka.common.utils.internals.ProducerIdAndEpoch";

  private KafkaTransactionResumer() {}

  /** A producer's id and epoch, which identify its open transaction at the coordinator. */
  record ProducerIdentity(long producerId, short epoch) {}

  /** Thrown when the Kafka client's internals are not the ones this class was written against. */
  static final class TransactionResumeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TransactionResumeException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * The id and epoch of the open transaction of {@code producer}; empty when the brokers run
   * transactions of version 1. Only version 2 (Kafka 4.0 and later) gives every transaction of an
   * id its own epoch; with version 1 the identity of a committed transaction would also match the
   * id's next one, and taking it over could commit that one before its checkpoint completed.
   */
  static Optional<ProducerIdentity> identity(KafkaProducer<?, ?> producer) {
    try {
      Object manager = field(producer, "transactionManager");
      if (!(boolean) field(manager, "isTransactionV2Enabled")) {
        return Optional.empty();
      }
      Object idAndEpoch = field(manager, "producerIdAndEpoch");
      return Optional.of(new ProducerIdentity(
          (long) field(idAndEpoch, "producerId"), (short) field(idAndEpoch, "epoch")));
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw incompatible(e);
    }
  }

  /**
   * Makes {@code producer}, created with the transaction's transactional id and not yet
   * initialized, continue the transaction of {@code identity}: a following {@code
   * commitTransaction()} commits it.
   */
  static void resume(KafkaProducer<?, ?> producer, ProducerIdentity identity) {
    try {
      Object manager = field(producer, "transactionManager");
      synchronized (manager) {
        Class<?> idAndEpochClass = Class.forName(PRODUCER_ID_AND_EPOCH_CLASS);
        Object idAndEpoch =
            idAndEpochClass.getConstructor(long.class, short.class)
                .newInstance(identity.producerId(), identity.epoch());
        transitionTo(manager, "INITIALIZING");
        setField(manager, "producerIdAndEpoch", idAndEpoch);
        transitionTo(manager, "READY");
        transitionTo(manager, "IN_TRANSACTION");
        setField(manager, "transactionStarted", true);
      }
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw incompatible(e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void transitionTo(Object manager, String state) throws ReflectiveOperationException {
    Class<?> stateClass = Class.forName(STATE_CLASS);
    Object value = Enum.valueOf((Class<Enum>) stateClass, state);
    Method transition = manager.getClass().getDeclaredMethod("transitionTo", stateClass);
    transition.setAccessible(true);
    transition.invoke(manager, value);
  }

  private static Object field(Object target, String name) throws ReflectiveOperationException {
    Field field = findField(target.getClass(), name);
    field.setAccessible(true);
    return field.get(target);
  }

  private static void setField(Object target, String name, Object value)
      throws ReflectiveOperationException {
    Field field = findField(target.getClass(), name);
    field.setAccessible(true);
    field.set(target, value);
  }

  private static Field findField(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        return c.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(type.getName() + "." + name);
  }

  private static TransactionResumeException incompatible(Exception cause) {
    return new TransactionResumeException(
        "This Kafka client's transaction internals differ from the ones the exactly-once sink"
            + " recovers transactions with (" + MANAGER_CLASS + "): " + cause, cause);
  }
}
