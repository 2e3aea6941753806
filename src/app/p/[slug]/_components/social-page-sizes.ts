// Page sizes shared by the server page (first page) and the client sections ("Load more"). Kept out of
// the "use client" modules: a server component importing a value from one would get a client reference.
export const REVIEWS_PAGE_SIZE = 5;
export const COMMENTS_PAGE_SIZE = 20;
