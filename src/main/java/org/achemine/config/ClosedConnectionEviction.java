package org.achemine.config;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;
import org.h2.api.ErrorCode;

/**
 * Tells the connection pool to drop a connection the database has closed (H2 shut down, restarted, or in
 * exclusive mode). Hikari evicts on its own only for SQL states 08xxx, which H2 does not use for these: the
 * pool would hand the dead connection out again and again after the database is back. Configured as
 * {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class ClosedConnectionEviction implements SQLExceptionOverride {

    private static final Set<Integer> CONNECTION_LOST = Set.of(
            ErrorCode.DATABASE_CALLED_AT_SHUTDOWN,
            ErrorCode.DATABASE_IS_CLOSED,
            ErrorCode.CONNECTION_BROKEN_1,
            ErrorCode.OBJECT_CLOSED,
            ErrorCode.DATABASE_IS_IN_EXCLUSIVE_MODE);

    @java.lang.Override // qualified: Hikari names its verdict type Override too
    public Override adjudicate(SQLException e) {
        return CONNECTION_LOST.contains(e.getErrorCode()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
