/**
 * Where the staff pages link to. In playground mode a viewer chosen with `?as=` keeps that choice on
 * every link and form (the playground has no session); signed-in viewers get plain paths.
 */
export type StaffLinks = {
  overview: string;
  team(key: string): string;
  report: string;
  answer(questionId: string): string;
};

export function staffLinks(keep: URLSearchParams): StaffLinks {
  const query = keep.toString();
  const withQuery = (path: string) => (query ? `${path}?${query}` : path);
  return {
    overview: withQuery("/staff"),
    team: (key) => withQuery(`/staff/teams/${encodeURIComponent(key)}`),
    report: withQuery("/staff/report"),
    answer: (id) => withQuery(`/staff/questions/${encodeURIComponent(id)}/answer`),
  };
}
