package io.strom.planner.catalog;

/** A catalog operation that cannot be done: the object exists, does not exist, or is in use. */
public final class CatalogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CatalogException(String message) {
    super(message);
  }
}
