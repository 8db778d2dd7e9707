package fr.passerelle.common.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A numbered page of results: {@code {"items":[...],"page":0,"size":20,"totalItems":123}}. */
@Schema(name = "Page", description = "A numbered page of results.")
public record PageResponse<T>(
        @Schema(description = "The items of this page.") List<T> items,
        @Schema(description = "Zero-based page number.", examples = "0") int page,
        @Schema(description = "Requested page size (1 to 100).", examples = "20") int size,
        @Schema(description = "Number of items across all pages.", examples = "123") long totalItems) {

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, totalItems);
    }
}
