package studio.web;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A document a page offers by its file name (the name the spec and API give it), viewable and downloadable. */
public interface DocumentFile {

    /** What every document says of itself. */
    record Spec(String file, String title, String mediaType) {}

    Spec spec();

    /** Its file name, as the spec and the API name it. */
    default String file() {
        return spec().file();
    }

    default String title() {
        return spec().title();
    }

    default String mediaType() {
        return spec().mediaType();
    }

    /**
     * The one of {@code documents} called {@code file}.
     *
     * @param owner what has the documents, for the message ("a release")
     * @throws ApiException 404 naming the documents there are
     */
    static <D extends DocumentFile> D named(D[] documents, String owner, String file) {
        return Arrays.stream(documents).filter(d -> d.file().equals(file)).findFirst()
                .orElseThrow(() -> ApiException.notFound(owner + " has no document " + file + " (its documents: "
                        + Arrays.stream(documents).map(DocumentFile::file).collect(Collectors.joining(", ")) + ")"));
    }
}
