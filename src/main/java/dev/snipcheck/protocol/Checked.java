package dev.snipcheck.protocol;

import java.util.List;

/**
 * The worker's answer to {@link CheckDatabase}: what its detectors found since the last block ended,
 * the leaks and open transactions on that database among them, each charged to its block, and the connections the
 * page's blocks opened themselves, which the parent finds left open by asking the server.
 */
public record Checked(List<RuntimeFinding> findings, List<OwnConnection> ownConnections) implements Reply {
}
