package io.github.camelbillmgr.simulator.model;

import java.time.LocalDateTime;

/** One line of {@code service.history}: what happened to a service, when and by whom. */
public record SimHistoryEvent(long id, LocalDateTime date, String action, String user, String description) {
}
