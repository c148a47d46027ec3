// Chinese labels for the machine values the API returns.

export const STUDENT_STATUS_TAGS = {
  在读: 'success',
  休学: 'warning',
  转出: 'info',
  辍学: 'danger',
  毕业: 'primary',
}

export const yesNo = (b) => (b ? '是' : '否')
