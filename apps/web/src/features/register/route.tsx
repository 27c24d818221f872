// Placeholder while the screen is built; replaced by the feature's real screen.
import { PageTitle } from '../../components/PageTitle';

export function Component() {
  return <PageTitle>register</PageTitle>;
}
