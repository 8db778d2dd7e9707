package fr.passerelle.common.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a keyset-paginated list: pass {@code nextCursor} back to get the next one. */
@Schema(name = "CursorPage", description = "A page of a cursor-paginated list.")
public record CursorResponse<T>(
        @Schema(description = "The items of this page.") List<T> items,
        @Schema(description = "Opaque cursor for the next page, or null on the last page.", nullable = true)
        String nextCursor) {
}
