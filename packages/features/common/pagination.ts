export interface PageRequest {
  take: number;
  page: number;
}

export const toSkipTake = ({ take, page }: PageRequest) => ({ skip: (page - 1) * take, take });
