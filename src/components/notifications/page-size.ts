/** Notifications per page on /notifications (the server page's first page and the client's next ones). */
export const NOTIFICATIONS_PAGE_SIZE = 20;
